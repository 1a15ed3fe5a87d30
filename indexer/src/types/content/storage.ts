import {sts, Block, Bytes, Option, Result, StorageType, RuntimeCtx} from '../support'
import * as v105 from '../v105'

export const listings =  {
    /**
     *  Every listing, by id.
     */
    v105: new StorageType('Content.Listings', 'Optional', [sts.bigint()], v105.Listing) as ListingsV105,
}

/**
 *  Every listing, by id.
 */
export interface ListingsV105  {
    is(block: RuntimeCtx): boolean
    get(block: Block, key: bigint): Promise<(v105.Listing | undefined)>
    getMany(block: Block, keys: bigint[]): Promise<(v105.Listing | undefined)[]>
    getKeys(block: Block): Promise<bigint[]>
    getKeys(block: Block, key: bigint): Promise<bigint[]>
    getKeysPaged(pageSize: number, block: Block): AsyncIterable<bigint[]>
    getKeysPaged(pageSize: number, block: Block, key: bigint): AsyncIterable<bigint[]>
    getPairs(block: Block): Promise<[k: bigint, v: (v105.Listing | undefined)][]>
    getPairs(block: Block, key: bigint): Promise<[k: bigint, v: (v105.Listing | undefined)][]>
    getPairsPaged(pageSize: number, block: Block): AsyncIterable<[k: bigint, v: (v105.Listing | undefined)][]>
    getPairsPaged(pageSize: number, block: Block, key: bigint): AsyncIterable<[k: bigint, v: (v105.Listing | undefined)][]>
}
