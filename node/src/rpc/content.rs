//! `content_*`: content listings over the content pallet's runtime API.
//!
//! Balances are decimal strings (ASK amounts exceed what a JSON number carries exactly in
//! JavaScript); hashes and metadata are `0x` hex, the metadata also as UTF-8 when it is text.

use std::{marker::PhantomData, sync::Arc};

use super::{at_or_best, runtime_api_error, AccountParam};
use codec::Codec;
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use pallet_allspark_content::{
	runtime_api::ContentApi as ContentRuntimeApi, Category, ClaimDetails, LicenceTerms,
	ListingDetails, ListingId, ListingState, ListingStatus,
};
use serde::{Deserialize, Serialize};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::{Bytes, H256};
use sp_runtime::traits::Block as BlockT;

/// A co-creator's revenue share in an RPC answer.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ShareJson<AccountId> {
	/// The co-creator.
	pub account: AccountId,
	/// The share in parts per million.
	pub share_ppm: u32,
}

/// A listing in an RPC answer.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ListingJson<AccountId, BlockNumber> {
	/// The listing's id.
	pub id: ListingId,
	/// Its owner, who holds the copyright and the deposit.
	pub owner: AccountId,
	/// The work's fingerprint, `0x` hex.
	pub content_hash: H256,
	/// The metadata reference as registered, `0x` hex.
	pub metadata: Bytes,
	/// The metadata as text, when it is valid UTF-8.
	pub metadata_utf8: Option<String>,
	/// What kind of work it is.
	pub category: Category,
	/// The default licence terms.
	pub terms: LicenceTerms<BlockNumber>,
	/// Empty: all revenue to the owner.
	pub shares: Vec<ShareJson<AccountId>>,
	/// Active or suspended.
	pub status: ListingStatus,
	/// The deposit held from the owner, a decimal string of plancks.
	pub deposit: String,
	/// The block it was registered in.
	pub registered_at: BlockNumber,
}

impl<AccountId, Balance: ToString, BlockNumber>
	From<ListingDetails<AccountId, Balance, BlockNumber>> for ListingJson<AccountId, BlockNumber>
{
	fn from(l: ListingDetails<AccountId, Balance, BlockNumber>) -> Self {
		Self {
			id: l.id,
			owner: l.owner,
			content_hash: H256(l.content_hash),
			metadata_utf8: String::from_utf8(l.metadata.clone()).ok(),
			metadata: l.metadata.into(),
			category: l.category,
			terms: l.terms,
			shares: l
				.shares
				.into_iter()
				.map(|(account, share)| ShareJson { account, share_ppm: share.deconstruct() })
				.collect(),
			status: l.status,
			deposit: l.deposit.to_string(),
			registered_at: l.registered_at,
		}
	}
}

/// A registration claim in an RPC answer.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ClaimJson<BlockNumber> {
	/// The commitment, `0x` hex: `blake2_256("allspark/claim" ++ content hash ++ account id)`.
	pub commitment: H256,
	/// The block the claim was made in.
	pub claimed_at: BlockNumber,
	/// The first block in which `content.register` accepts it.
	pub matures_at: BlockNumber,
}

impl<BlockNumber> From<ClaimDetails<BlockNumber>> for ClaimJson<BlockNumber> {
	fn from(c: ClaimDetails<BlockNumber>) -> Self {
		Self { commitment: H256(c.commitment), claimed_at: c.claimed_at, matures_at: c.matures_at }
	}
}

#[rpc(server)]
pub trait ContentApi<BlockHash, AccountId, BlockNumber> {
	/// A listing, `null` when no listing has this id; at `at` (default: the best block).
	#[method(name = "content_listing")]
	fn listing(
		&self,
		id: ListingId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<ListingJson<AccountId, BlockNumber>>>;

	/// One page of `owner`'s listings: at most `limit` (capped by the runtime), after the
	/// listing `start_after` (the last id of the previous page; `null` for the first page). A
	/// page shorter than `limit` is the last.
	#[method(name = "content_listingsOf")]
	fn listings_of(
		&self,
		owner: AccountParam<AccountId>,
		start_after: Option<ListingId>,
		limit: u32,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<ListingJson<AccountId, BlockNumber>>>;

	/// The listing of a content hash (`0x` + 64 hex digits), `null` when not listed.
	#[method(name = "content_listingByHash")]
	fn listing_by_hash(
		&self,
		hash: H256,
		at: Option<BlockHash>,
	) -> RpcResult<Option<ListingJson<AccountId, BlockNumber>>>;

	/// Where a listing stands: `Active`, `Suspended`, `Delisted` (or removed) or `Unknown`.
	#[method(name = "content_listingState")]
	fn listing_state(&self, id: ListingId, at: Option<BlockHash>) -> RpcResult<ListingState>;

	/// An account's registration claims, oldest first, each with the block from which
	/// `content.register` accepts it.
	#[method(name = "content_claimsOf")]
	fn claims_of(
		&self,
		who: AccountParam<AccountId>,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<ClaimJson<BlockNumber>>>;
}

/// The `content_*` RPC methods.
pub struct Content<C, B, Balance> {
	client: Arc<C>,
	_marker: PhantomData<(B, Balance)>,
}

impl<C, B, Balance> Content<C, B, Balance> {
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _marker: PhantomData }
	}
}

impl<C, Block, AccountId, Balance, BlockNumber>
	ContentApiServer<Block::Hash, AccountId, BlockNumber> for Content<C, Block, Balance>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: ContentRuntimeApi<Block, AccountId, Balance, BlockNumber>,
	AccountId: Codec + Clone + Serialize + Send + Sync + 'static + for<'de> Deserialize<'de>,
	Balance: Codec + ToString + Send + Sync + 'static,
	BlockNumber: Codec + Clone + Serialize + Send + Sync + 'static + for<'de> Deserialize<'de>,
{
	fn listing(
		&self,
		id: ListingId,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<ListingJson<AccountId, BlockNumber>>> {
		let at = at_or_best(&*self.client, at);
		let l = self.client.runtime_api().listing(at, id).map_err(runtime_api_error)?;
		Ok(l.map(Into::into))
	}

	fn listings_of(
		&self,
		owner: AccountParam<AccountId>,
		start_after: Option<ListingId>,
		limit: u32,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<ListingJson<AccountId, BlockNumber>>> {
		let at = at_or_best(&*self.client, at);
		let page = self
			.client
			.runtime_api()
			.listings_of(at, owner.0, start_after, limit)
			.map_err(runtime_api_error)?;
		Ok(page.into_iter().map(Into::into).collect())
	}

	fn listing_by_hash(
		&self,
		hash: H256,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<ListingJson<AccountId, BlockNumber>>> {
		let at = at_or_best(&*self.client, at);
		let l = self
			.client
			.runtime_api()
			.listing_by_hash(at, hash.0)
			.map_err(runtime_api_error)?;
		Ok(l.map(Into::into))
	}

	fn listing_state(&self, id: ListingId, at: Option<Block::Hash>) -> RpcResult<ListingState> {
		let at = at_or_best(&*self.client, at);
		self.client.runtime_api().listing_state(at, id).map_err(runtime_api_error)
	}

	fn claims_of(
		&self,
		who: AccountParam<AccountId>,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<ClaimJson<BlockNumber>>> {
		let at = at_or_best(&*self.client, at);
		let claims = self.client.runtime_api().claims_of(at, who.0).map_err(runtime_api_error)?;
		Ok(claims.into_iter().map(Into::into).collect())
	}
}
