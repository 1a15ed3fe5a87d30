import {sts, Result, Option, Bytes, BitSequence} from './support'

export interface Listing {
    owner: AccountId32
    contentHash: Bytes
    metadata: BoundedVec
    category: Category
    terms: LicenceTerms
    shares: [AccountId32, Permill][]
    status: ListingStatus
    deposit: bigint
    registeredAt: number
}

export type ListingStatus = ListingStatus_Active | ListingStatus_Suspended

export interface ListingStatus_Active {
    __kind: 'Active'
}

export interface ListingStatus_Suspended {
    __kind: 'Suspended'
}

export type Permill = number

export interface LicenceTerms {
    personal: boolean
    commercial: boolean
    republication: boolean
    licenceDuration?: (number | undefined)
    distributorCommission: Permill
}

export type Category = Category_Advertising | Category_Audio | Category_Dataset | Category_Design | Category_Image | Category_Other | Category_Software | Category_Text | Category_Video

export interface Category_Advertising {
    __kind: 'Advertising'
}

export interface Category_Audio {
    __kind: 'Audio'
}

export interface Category_Dataset {
    __kind: 'Dataset'
}

export interface Category_Design {
    __kind: 'Design'
}

export interface Category_Image {
    __kind: 'Image'
}

export interface Category_Other {
    __kind: 'Other'
}

export interface Category_Software {
    __kind: 'Software'
}

export interface Category_Text {
    __kind: 'Text'
}

export interface Category_Video {
    __kind: 'Video'
}

export type BoundedVec = Bytes

export type AccountId32 = Bytes

export const Listing: sts.Type<Listing> = sts.struct(() => {
    return  {
        owner: AccountId32,
        contentHash: sts.bytes(),
        metadata: BoundedVec,
        category: Category,
        terms: LicenceTerms,
        shares: sts.array(() => sts.tuple(() => [AccountId32, Permill])),
        status: ListingStatus,
        deposit: sts.bigint(),
        registeredAt: sts.number(),
    }
})

export const ListingStatus: sts.Type<ListingStatus> = sts.closedEnum(() => {
    return  {
        Active: sts.unit(),
        Suspended: sts.unit(),
    }
})

export const BoundedVec = sts.bytes()

export const Permill = sts.number()

export const LicenceTerms: sts.Type<LicenceTerms> = sts.struct(() => {
    return  {
        personal: sts.boolean(),
        commercial: sts.boolean(),
        republication: sts.boolean(),
        licenceDuration: sts.option(() => sts.number()),
        distributorCommission: Permill,
    }
})

export const Outcome: sts.Type<Outcome> = sts.closedEnum(() => {
    return  {
        Coherent: sts.unit(),
        Incoherent: sts.unit(),
        Silent: sts.unit(),
        Unscored: sts.unit(),
    }
})

export type Outcome = Outcome_Coherent | Outcome_Incoherent | Outcome_Silent | Outcome_Unscored

export interface Outcome_Coherent {
    __kind: 'Coherent'
}

export interface Outcome_Incoherent {
    __kind: 'Incoherent'
}

export interface Outcome_Silent {
    __kind: 'Silent'
}

export interface Outcome_Unscored {
    __kind: 'Unscored'
}

export const Params: sts.Type<Params> = sts.struct(() => {
    return  {
        minStake: sts.bigint(),
        commitPeriod: sts.number(),
        revealPeriod: sts.number(),
        tolerance: sts.number(),
        incoherentSlash: Perbill,
        silentSlash: Perbill,
        roundDraw: sts.bigint(),
        eraLength: sts.number(),
        rewardThreshold: sts.number(),
        eraPayout: Perbill,
        minRevealers: sts.number(),
    }
})

export const Perbill = sts.number()

export interface Params {
    minStake: bigint
    commitPeriod: number
    revealPeriod: number
    tolerance: number
    incoherentSlash: Perbill
    silentSlash: Perbill
    roundDraw: bigint
    eraLength: number
    rewardThreshold: number
    eraPayout: Perbill
    minRevealers: number
}

export type Perbill = number

export const ProposalRemoval: sts.Type<ProposalRemoval> = sts.closedEnum(() => {
    return  {
        Evicted: sts.unit(),
        Rejected: sts.unit(),
        Withdrawn: sts.unit(),
    }
})

export type ProposalRemoval = ProposalRemoval_Evicted | ProposalRemoval_Rejected | ProposalRemoval_Withdrawn

export interface ProposalRemoval_Evicted {
    __kind: 'Evicted'
}

export interface ProposalRemoval_Rejected {
    __kind: 'Rejected'
}

export interface ProposalRemoval_Withdrawn {
    __kind: 'Withdrawn'
}

export const PricingMode: sts.Type<PricingMode> = sts.closedEnum(() => {
    return  {
        Dutch: sts.enumStruct({
            startPrice: sts.bigint(),
            floorPrice: sts.bigint(),
            end: sts.number(),
        }),
        English: sts.enumStruct({
            reserve: sts.bigint(),
            minIncrement: sts.bigint(),
            end: sts.number(),
        }),
        Fixed: sts.enumStruct({
            price: sts.bigint(),
        }),
    }
})

export type PricingMode = PricingMode_Dutch | PricingMode_English | PricingMode_Fixed

export interface PricingMode_Dutch {
    __kind: 'Dutch'
    startPrice: bigint
    floorPrice: bigint
    end: number
}

export interface PricingMode_English {
    __kind: 'English'
    reserve: bigint
    minIncrement: bigint
    end: number
}

export interface PricingMode_Fixed {
    __kind: 'Fixed'
    price: bigint
}

export const RemovalReason: sts.Type<RemovalReason> = sts.closedEnum(() => {
    return  {
        Cancelled: sts.unit(),
        Evicted: sts.unit(),
        Expired: sts.unit(),
        FillLimitReached: sts.unit(),
        Stale: sts.unit(),
    }
})

export type RemovalReason = RemovalReason_Cancelled | RemovalReason_Evicted | RemovalReason_Expired | RemovalReason_FillLimitReached | RemovalReason_Stale

export interface RemovalReason_Cancelled {
    __kind: 'Cancelled'
}

export interface RemovalReason_Evicted {
    __kind: 'Evicted'
}

export interface RemovalReason_Expired {
    __kind: 'Expired'
}

export interface RemovalReason_FillLimitReached {
    __kind: 'FillLimitReached'
}

export interface RemovalReason_Stale {
    __kind: 'Stale'
}

export const Side: sts.Type<Side> = sts.closedEnum(() => {
    return  {
        Buy: sts.unit(),
        Sell: sts.unit(),
    }
})

export type Side = Side_Buy | Side_Sell

export interface Side_Buy {
    __kind: 'Buy'
}

export interface Side_Sell {
    __kind: 'Sell'
}

export const Right: sts.Type<Right> = sts.closedEnum(() => {
    return  {
        Copyright: sts.unit(),
        Distribution: sts.unit(),
        Licence: LicenceKind,
        Subscription: sts.unit(),
    }
})

export const LicenceKind: sts.Type<LicenceKind> = sts.closedEnum(() => {
    return  {
        Commercial: sts.unit(),
        Personal: sts.unit(),
        Republication: sts.unit(),
    }
})

export type LicenceKind = LicenceKind_Commercial | LicenceKind_Personal | LicenceKind_Republication

export interface LicenceKind_Commercial {
    __kind: 'Commercial'
}

export interface LicenceKind_Personal {
    __kind: 'Personal'
}

export interface LicenceKind_Republication {
    __kind: 'Republication'
}

export type Right = Right_Copyright | Right_Distribution | Right_Licence | Right_Subscription

export interface Right_Copyright {
    __kind: 'Copyright'
}

export interface Right_Distribution {
    __kind: 'Distribution'
}

export interface Right_Licence {
    __kind: 'Licence'
    value: LicenceKind
}

export interface Right_Subscription {
    __kind: 'Subscription'
}

export const Category: sts.Type<Category> = sts.closedEnum(() => {
    return  {
        Advertising: sts.unit(),
        Audio: sts.unit(),
        Dataset: sts.unit(),
        Design: sts.unit(),
        Image: sts.unit(),
        Other: sts.unit(),
        Software: sts.unit(),
        Text: sts.unit(),
        Video: sts.unit(),
    }
})

export const ChargeSplit: sts.Type<ChargeSplit> = sts.struct(() => {
    return  {
        burn: Permill,
        treasury: Permill,
        evaluation: Permill,
    }
})

export interface ChargeSplit {
    burn: Permill
    treasury: Permill
    evaluation: Permill
}

export const ChargeRates: sts.Type<ChargeRates> = sts.struct(() => {
    return  {
        tradeRate: Permill,
        minCharge: sts.bigint(),
        evaluationFee: sts.bigint(),
    }
})

export interface ChargeRates {
    tradeRate: Permill
    minCharge: bigint
    evaluationFee: bigint
}

export const ChargeSource: sts.Type<ChargeSource> = sts.closedEnum(() => {
    return  {
        Service: ChargeKind,
        TransactionFee: sts.unit(),
    }
})

export const ChargeKind: sts.Type<ChargeKind> = sts.closedEnum(() => {
    return  {
        EvaluationRequest: sts.unit(),
        Trade: sts.enumStruct({
            value: sts.bigint(),
        }),
    }
})

export type ChargeKind = ChargeKind_EvaluationRequest | ChargeKind_Trade

export interface ChargeKind_EvaluationRequest {
    __kind: 'EvaluationRequest'
}

export interface ChargeKind_Trade {
    __kind: 'Trade'
    value: bigint
}

export type ChargeSource = ChargeSource_Service | ChargeSource_TransactionFee

export interface ChargeSource_Service {
    __kind: 'Service'
    value: ChargeKind
}

export interface ChargeSource_TransactionFee {
    __kind: 'TransactionFee'
}

export const AccountId32 = sts.bytes()
