import {sts, Block, Bytes, Option, Result, StorageType, RuntimeCtx} from '../support'

export const now =  {
    /**
     *  The current time for the current block.
     */
    v105: new StorageType('Timestamp.Now', 'Default', [], sts.bigint()) as NowV105,
}

/**
 *  The current time for the current block.
 */
export interface NowV105  {
    is(block: RuntimeCtx): boolean
    getDefault(block: Block): bigint
    get(block: Block): Promise<(bigint | undefined)>
}
