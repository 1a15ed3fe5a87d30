// The processor's source and selection: every event of the AllSpark pallets, from an archive
// node's RPC, with the block's timestamp and the emitting extrinsic's hash.
import {
    BlockHeader,
    DataHandlerContext,
    SubstrateBatchProcessor,
    SubstrateBatchProcessorFields,
    Event as _Event,
} from '@subsquid/substrate-processor'

import * as events from './types/events'

/** The pallets whose every event is indexed: every event the typegen found in them. */
export const EVENT_NAMES: string[] = Object.values(events).flatMap((pallet) =>
    Object.values(pallet).map((e) => e.name),
)

/** Settings from the environment. */
export const settings = {
    /** The archive node's RPC (`ws://` or `http://`). */
    rpc: process.env.ALLSPARK_RPC || 'ws://127.0.0.1:9944',
    /** The most RPC requests in flight. */
    capacity: Number(process.env.ALLSPARK_RPC_CAPACITY || 10),
    /** Index blocks before they are final, rolled back on a reorg (default on). */
    hotBlocks: process.env.ALLSPARK_INDEX_UNFINALIZED !== '0',
}

export const processor = new SubstrateBatchProcessor()
    .setRpcEndpoint({ url: settings.rpc, capacity: settings.capacity })
    .setRpcDataIngestionSettings({ headPollInterval: 1000 })
    .setBlockRange({ from: 0 })
    .addEvent({ name: EVENT_NAMES, extrinsic: true })
    .setFields({
        block: { timestamp: true },
        event: { args: true, name: true, phase: true },
        extrinsic: { hash: true },
    })

export type Fields = SubstrateBatchProcessorFields<typeof processor>
export type Block = BlockHeader<Fields>
export type Event = _Event<Fields>
export type ProcessorContext<Store> = DataHandlerContext<Store, Fields>
