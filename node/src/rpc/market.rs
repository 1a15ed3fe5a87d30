//! `market_*`: the trade market over the market pallet's runtime API — books, open orders,
//! rights held, offers and requests — answered as the pallet's view types (camelCase JSON).
//!
//! Balances are decimal strings (ASK amounts exceed what a JSON number carries exactly in
//! JavaScript); rights and categories are the runtime's enums (`{"Licence":"Personal"}`,
//! `"Subscription"`, `"Audio"`), brief hashes `0x` hex.

use std::{marker::PhantomData, sync::Arc};

use super::{at_or_best, runtime_api_error, AccountParam};
use codec::Codec;
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use pallet_allspark_content::{Category, ListingId};
use pallet_allspark_market::{
	runtime_api::MarketApi as MarketRuntimeApi, BookView, LicenceView, OfferId, OfferView, OrderId,
	OrderView, RequestId, RequestView, Right,
};
use serde::{Deserialize, Serialize};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::Block as BlockT;

#[rpc(server)]
pub trait MarketApi<BlockHash, AccountId, Balance, BlockNumber>
where
	Balance: ToString,
{
	/// The book of `listing`'s `right`: up to `depth` price levels a side (capped by the
	/// runtime's page size), best first (bids highest first, asks lowest first), each with its
	/// open units and orders; at `at` (default: the best block).
	#[method(name = "market_book")]
	fn book(
		&self,
		listing: ListingId,
		right: Right,
		depth: u32,
		at: Option<BlockHash>,
	) -> RpcResult<BookView<Balance>>;

	/// One page of `who`'s open orders: at most `limit` (capped by the runtime), after the order
	/// `start_after` (the last id of the previous page; `null` for the first page). A page shorter
	/// than `limit` is the last.
	#[method(name = "market_ordersOf")]
	fn orders_of(
		&self,
		who: AccountParam<AccountId>,
		start_after: Option<OrderId>,
		limit: u32,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<OrderView<AccountId, Balance, BlockNumber>>>;

	/// The rights `who` holds (valid or expired), each with its validity at `at`.
	#[method(name = "market_licencesOf")]
	fn licences_of(
		&self,
		who: AccountParam<AccountId>,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<LicenceView<BlockNumber>>>;

	/// `who`'s right on `listing`, with its validity at `at`; `null` when it never held it.
	#[method(name = "market_licence")]
	fn licence(
		&self,
		who: AccountParam<AccountId>,
		listing: ListingId,
		right: Right,
		at: Option<BlockHash>,
	) -> RpcResult<Option<LicenceView<BlockNumber>>>;

	/// An open offer with its state at `at` (the Dutch price now, an English auction's highest
	/// bid and blocks left); `null` when it is not open.
	#[method(name = "market_offer")]
	fn offer(
		&self,
		id: OfferId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<OfferView<AccountId, Balance, BlockNumber>>>;

	/// The open offers on `listing`.
	#[method(name = "market_offersOfListing")]
	fn offers_of_listing(
		&self,
		listing: ListingId,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<OfferView<AccountId, Balance, BlockNumber>>>;

	/// One page of the open requests of `category` with their proposals: at most `limit` (capped
	/// by the runtime), after the request `start_after` (`null` for the first page).
	#[method(name = "market_openRequests")]
	fn open_requests(
		&self,
		category: Category,
		start_after: Option<RequestId>,
		limit: u32,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<RequestView<AccountId, Balance, BlockNumber>>>;
}

/// The `market_*` RPC methods.
pub struct Market<C, B> {
	client: Arc<C>,
	_marker: PhantomData<B>,
}

impl<C, B> Market<C, B> {
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _marker: PhantomData }
	}
}

impl<C, Block, AccountId, Balance, BlockNumber>
	MarketApiServer<Block::Hash, AccountId, Balance, BlockNumber> for Market<C, Block>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: MarketRuntimeApi<Block, AccountId, Balance, BlockNumber>,
	AccountId: Codec + Clone + Serialize + Send + Sync + 'static + for<'de> Deserialize<'de>,
	Balance: Codec + Clone + ToString + Send + Sync + 'static,
	BlockNumber: Codec + Clone + Serialize + Send + Sync + 'static + for<'de> Deserialize<'de>,
{
	fn book(
		&self,
		listing: ListingId,
		right: Right,
		depth: u32,
		at: Option<Block::Hash>,
	) -> RpcResult<BookView<Balance>> {
		let at = at_or_best(&*self.client, at);
		self.client
			.runtime_api()
			.book(at, listing, right, depth)
			.map_err(runtime_api_error)
	}

	fn orders_of(
		&self,
		who: AccountParam<AccountId>,
		start_after: Option<OrderId>,
		limit: u32,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<OrderView<AccountId, Balance, BlockNumber>>> {
		let at = at_or_best(&*self.client, at);
		self.client
			.runtime_api()
			.orders_of(at, who.0, start_after, limit)
			.map_err(runtime_api_error)
	}

	fn licences_of(
		&self,
		who: AccountParam<AccountId>,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<LicenceView<BlockNumber>>> {
		let at = at_or_best(&*self.client, at);
		self.client.runtime_api().licences_of(at, who.0).map_err(runtime_api_error)
	}

	fn licence(
		&self,
		who: AccountParam<AccountId>,
		listing: ListingId,
		right: Right,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<LicenceView<BlockNumber>>> {
		let at = at_or_best(&*self.client, at);
		self.client
			.runtime_api()
			.licence(at, who.0, listing, right)
			.map_err(runtime_api_error)
	}

	fn offer(
		&self,
		id: OfferId,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<OfferView<AccountId, Balance, BlockNumber>>> {
		let at = at_or_best(&*self.client, at);
		self.client.runtime_api().offer(at, id).map_err(runtime_api_error)
	}

	fn offers_of_listing(
		&self,
		listing: ListingId,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<OfferView<AccountId, Balance, BlockNumber>>> {
		let at = at_or_best(&*self.client, at);
		self.client
			.runtime_api()
			.offers_of_listing(at, listing)
			.map_err(runtime_api_error)
	}

	fn open_requests(
		&self,
		category: Category,
		start_after: Option<RequestId>,
		limit: u32,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<RequestView<AccountId, Balance, BlockNumber>>> {
		let at = at_or_best(&*self.client, at);
		self.client
			.runtime_api()
			.open_requests(at, category, start_after, limit)
			.map_err(runtime_api_error)
	}
}
