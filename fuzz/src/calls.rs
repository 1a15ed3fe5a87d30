//! Calls of every pallet, generated from the runtime's own type metadata.
//!
//! The generator walks `RuntimeCall`'s type (scale-info) and writes SCALE bytes choice by choice:
//! a pallet, one of its calls, then every argument. Accounts come from the fuzzer's set,
//! balances, block numbers, ids and scores from the values where rules change (zero, one, the
//! existential deposit, the maximum, "now" and just after, the first ids), and the two
//! commitments a user computes (a content claim, an evaluation commit) are computed the way a
//! wallet does, from a content hash, score and salt drawn from the same small sets that
//! `register` and `reveal` draw from, so the paths behind them are reachable. A new call or
//! argument in any pallet is fuzzed without changing this file.

use crate::source::Source;
use allspark_runtime::{AccountId, Balance, BlockNumber, Runtime, RuntimeCall, ASK, MILLI_ASK};
use codec::{Compact, DecodeLimit, Encode};
use scale_info::{form::PortableForm, Field, PortableRegistry, TypeDef, TypeDefPrimitive, Variant};

/// How deeply calls nest in calls (`sudo(batch([..]))`): deeper, a remark.
const MAX_NESTING: u32 = 2;

/// Calls never generated, by the pallet's crate and the call's name, and why: those that
/// replace the runtime or its storage wholesale, which the root key can do on any chain, and
/// the inherent.
const EXCLUDED: &[(&str, &str)] = &[
	// Root rewrites code or raw storage: the invariants would not hold by design.
	("frame_system", "set_code"),
	("frame_system", "set_code_without_checks"),
	("frame_system", "set_storage"),
	("frame_system", "kill_storage"),
	("frame_system", "kill_prefix"),
	("frame_system", "set_heap_pages"),
	("frame_system", "authorize_upgrade"),
	("frame_system", "authorize_upgrade_without_checks"),
	("frame_system", "apply_authorized_upgrade"),
	// The block's inherent, set by the fuzzer itself.
	("pallet_timestamp", "set"),
	// Root sets balances, the issuance and reserves by fiat (not through any hold's owner).
	("pallet_balances", "force_set_balance"),
	("pallet_balances", "force_adjust_total_issuance"),
	("pallet_balances", "force_unreserve"),
	// Root only, upstream: pallet-grandpa computes `block + 2 × delay` unchecked, so a delay
	// near u32::MAX overflows (a panic in this native debug build, a wrapped number in the
	// wasm runtime, which has no overflow checks). Found by the smoke; root's input to an
	// upstream pallet, not the AllSpark pallets'.
	("pallet_grandpa", "note_stalled"),
	// Giving the key away ends the fuzzing of root calls.
	("pallet_sudo", "set_key"),
	("pallet_sudo", "remove_key"),
];

/// The pallets of the content market, by their name in `RuntimeCall`.
const MARKET_PALLETS: [&str; 3] = ["Content", "Market", "Evaluation"];

/// What a generated value is for, as far as the generator needs to know.
pub struct Context<'a> {
	/// Accounts an argument may name.
	pub accounts: &'a [AccountId],
	/// Who signs the call.
	pub signer: AccountId,
	/// The current block number.
	pub now: BlockNumber,
	/// The next id of each kind of object (by its type's name: `ListingId`, `OrderId`, …), so
	/// that ids name the newest objects more often than not.
	pub next_ids: Vec<(&'static str, u64)>,
	/// The pallet (its crate) and call being generated.
	call: Option<(String, String)>,
	/// The field being generated: its name and declared type.
	field: Option<(Option<String>, Option<String>)>,
	/// How many calls enclose the one being generated.
	nesting: u32,
}

impl<'a> Context<'a> {
	/// A context for a call `signer` signs at block `now`.
	pub fn new(accounts: &'a [AccountId], signer: AccountId, now: BlockNumber) -> Self {
		Self { accounts, signer, now, next_ids: Vec::new(), call: None, field: None, nesting: 0 }
	}

	/// The next id of the kind the field being generated names, if known.
	fn next_id(&self) -> Option<u64> {
		let ty = self.type_name();
		self.next_ids.iter().find(|(name, _)| ty.ends_with(name)).map(|(_, next)| *next)
	}

	fn field_name(&self) -> &str {
		self.field.as_ref().and_then(|f| f.0.as_deref()).unwrap_or("")
	}

	fn type_name(&self) -> &str {
		self.field.as_ref().and_then(|f| f.1.as_deref()).unwrap_or("")
	}

	fn in_call(&self, pallet: &str, call: &str) -> bool {
		self.call.as_ref().is_some_and(|(p, c)| p == pallet && c == call)
	}
}

/// The generator: `RuntimeCall`'s type and every type it names.
pub struct Generator {
	registry: PortableRegistry,
	call: u32,
}

impl Default for Generator {
	fn default() -> Self {
		Self::new()
	}
}

impl Generator {
	/// The generator of the runtime's calls.
	pub fn new() -> Self {
		let mut registry = scale_info::Registry::new();
		let call = registry.register_type(&scale_info::meta_type::<RuntimeCall>()).id;
		Self { registry: registry.into(), call }
	}

	/// A call drawn from `src`, or `None` where the bytes written do not decode (an argument
	/// out of its type's bounds, which the chain would refuse to decode too).
	pub fn call(&self, src: &mut Source, ctx: &mut Context) -> Option<RuntimeCall> {
		let mut out = Vec::new();
		self.value(self.call, src, ctx, &mut out);
		RuntimeCall::decode_all_with_depth_limit(64, &mut &out[..]).ok()
	}

	fn value(&self, id: u32, src: &mut Source, ctx: &mut Context, out: &mut Vec<u8>) {
		let Some(ty) = self.registry.resolve(id) else { return };
		let path: Vec<&str> = ty.path.segments.iter().map(String::as_str).collect();
		match path.last().copied() {
			Some("AccountId32") => return account(src, ctx).encode_to(out),
			Some("MultiAddress") if src.choose(8) != 0 => {
				out.push(0);
				return account(src, ctx).encode_to(out);
			},
			Some("H256") => return self.hash(src, ctx).encode_to(out),
			Some("Perbill") => return per_thing(src, 1_000_000_000).encode_to(out),
			Some("Permill") => return per_thing(src, 1_000_000).encode_to(out),
			_ => {},
		}
		match &ty.type_def {
			TypeDef::Composite(c) => self.fields(&c.fields, src, ctx, out),
			TypeDef::Variant(v) => self.variant(&path, &v.variants, src, ctx, out),
			TypeDef::Sequence(s) => self.sequence(s.type_param.id, src, ctx, out),
			TypeDef::Array(a) => {
				if a.len == 32 && self.is_u8(a.type_param.id) {
					out.extend_from_slice(&self.bytes32(src, ctx));
				} else {
					for _ in 0..a.len {
						self.value(a.type_param.id, src, ctx, out);
					}
				}
			},
			TypeDef::Tuple(t) => {
				for f in &t.fields {
					self.value(f.id, src, ctx, out);
				}
			},
			TypeDef::Primitive(p) => primitive(p, src, ctx, out),
			TypeDef::Compact(c) => {
				let bits = self.bits(c.type_param.id);
				let v = number(src, ctx, bits);
				match bits {
					128 => Compact(v).encode_to(out),
					64 => Compact(v as u64).encode_to(out),
					16 => Compact(v as u16).encode_to(out),
					8 => Compact(v as u8).encode_to(out),
					_ => Compact(v as u32).encode_to(out),
				}
			},
			TypeDef::BitSequence(_) => Compact(0u32).encode_to(out),
		}
	}

	fn fields(
		&self,
		fields: &[Field<PortableForm>],
		src: &mut Source,
		ctx: &mut Context,
		out: &mut Vec<u8>,
	) {
		for f in fields {
			let outer = ctx.field.replace((f.name.clone(), f.type_name.clone()));
			self.value(f.ty.id, src, ctx, out);
			ctx.field = outer;
		}
	}

	fn variant(
		&self,
		path: &[&str],
		variants: &[Variant<PortableForm>],
		src: &mut Source,
		ctx: &mut Context,
		out: &mut Vec<u8>,
	) {
		let is_runtime_call = path.last() == Some(&"RuntimeCall");
		let pallet_call = path.len() >= 2 && path.last() == Some(&"Call");
		let pallet = path.first().copied().unwrap_or("");
		let too_deep = ctx.nesting >= MAX_NESTING;
		let allowed: Vec<&Variant<PortableForm>> = variants
			.iter()
			.filter(|v| {
				if is_runtime_call {
					v.name != "Timestamp" && (!too_deep || v.name == "System")
				} else if pallet_call {
					!EXCLUDED.contains(&(pallet, v.name.as_str()))
						&& (!too_deep || pallet != "frame_system" || v.name == "remark")
				} else {
					true
				}
			})
			.collect();
		// Half the outer calls go to the market's three pallets, whose flows take several
		// calls each (a claim, a registration, orders, a round's commits and reveals).
		let allowed = if is_runtime_call && ctx.nesting == 0 && src.choose(2) == 0 {
			allowed
				.into_iter()
				.filter(|v| MARKET_PALLETS.contains(&v.name.as_str()))
				.collect()
		} else {
			allowed
		};
		let Some(v) = allowed.get(src.choose(allowed.len())) else { return };
		out.push(v.index);
		if is_runtime_call {
			ctx.nesting = ctx.nesting.saturating_add(1);
			self.fields(&v.fields, src, ctx, out);
			ctx.nesting = ctx.nesting.saturating_sub(1);
		} else if pallet_call {
			let outer = ctx.call.replace((pallet.to_string(), v.name.clone()));
			self.fields(&v.fields, src, ctx, out);
			ctx.call = outer;
		} else {
			self.fields(&v.fields, src, ctx, out);
		}
	}

	fn sequence(&self, elem: u32, src: &mut Source, ctx: &mut Context, out: &mut Vec<u8>) {
		if self.is_u8(elem) {
			// Bytes (metadata, keys, proofs): lengths around the bounds that matter.
			let len = [0usize, 1, 13, 46, 64, 256, 257, 1024][src.choose(8)];
			Compact(len as u32).encode_to(out);
			let fill = src.byte();
			out.extend((0..len).map(|i| fill.wrapping_add(i as u8)));
			return;
		}
		// Mostly none or a few (shares, batched calls); past a bound now and then.
		let len = match src.choose(16) {
			0 => 17,
			1 => 65,
			2..=7 => 0,
			n => n % 4,
		};
		Compact(len as u32).encode_to(out);
		for _ in 0..len {
			self.value(elem, src, ctx, out);
		}
	}

	/// A 32-byte value: a claim's commitment as `claim` needs it, else one of four known
	/// content hashes and salts, or anything.
	fn bytes32(&self, src: &mut Source, ctx: &Context) -> [u8; 32] {
		let known = known_bytes32(src);
		if ctx.field_name() == "commitment" && ctx.in_call("pallet_allspark_content", "claim") {
			return pallet_allspark_content::Pallet::<Runtime>::claim_commitment(
				&known,
				&ctx.signer,
			);
		}
		known
	}

	/// A hash: an evaluation commitment as `commit` needs it (a known score and salt of the
	/// signer), else a known 32-byte value.
	fn hash(&self, src: &mut Source, ctx: &Context) -> sp_core::H256 {
		if ctx.field_name() == "commitment" && ctx.in_call("pallet_allspark_evaluation", "commit") {
			let score = score(src);
			let salt = known_bytes32(src);
			return pallet_allspark_evaluation::Pallet::<Runtime>::commitment_of(
				score,
				&salt,
				&ctx.signer,
			);
		}
		sp_core::H256(known_bytes32(src))
	}

	fn is_u8(&self, id: u32) -> bool {
		self.registry
			.resolve(id)
			.is_some_and(|t| matches!(t.type_def, TypeDef::Primitive(TypeDefPrimitive::U8)))
	}

	fn bits(&self, id: u32) -> u32 {
		match self.registry.resolve(id).map(|t| &t.type_def) {
			Some(TypeDef::Primitive(TypeDefPrimitive::U8)) => 8,
			Some(TypeDef::Primitive(TypeDefPrimitive::U16)) => 16,
			Some(TypeDef::Primitive(TypeDefPrimitive::U64)) => 64,
			Some(TypeDef::Primitive(TypeDefPrimitive::U128)) => 128,
			// A compact wrapper of a one-field struct (Perbill and the like) or a u32.
			_ => 32,
		}
	}
}

/// One of the fuzzer's accounts ([`pick`]), or (rarely) any account.
fn account(src: &mut Source, ctx: &Context) -> AccountId {
	if src.choose(16) == 0 {
		return AccountId::from(known_bytes32(src));
	}
	pick(src, ctx.accounts).cloned().unwrap_or(ctx.signer.clone())
}

/// One of `accounts`, the first three most often (so that one account's calls build on each
/// other: a claim and its registration, an order and its cancel).
pub fn pick<'a>(src: &mut Source, accounts: &'a [AccountId]) -> Option<&'a AccountId> {
	let i = match src.choose(8) {
		0..=2 => 0,
		3 | 4 => 1,
		5 => 2,
		_ => src.choose(accounts.len()),
	};
	accounts.get(i)
}

/// One of four known 32-byte values (`[k; 32]`, the first most often, so that a claim, the
/// registration it enables, a commit and its reveal meet), or anything.
fn known_bytes32(src: &mut Source) -> [u8; 32] {
	match src.choose(8) {
		0..=2 => [0; 32],
		3 | 4 => [1; 32],
		5 => [2; 32],
		6 => [0xff; 32],
		_ => {
			let mut b = [0u8; 32];
			b.iter_mut().for_each(|x| *x = src.byte());
			b
		},
	}
}

/// A score: the bounds and a few inside, out of range too.
fn score(src: &mut Source) -> u8 {
	[0u8, 1, 50, 99, 100, 101, 255][src.choose(7)]
}

/// A fraction's parts: none, a tenth, a half, all, or any up to `accuracy`.
fn per_thing(src: &mut Source, accuracy: u32) -> u32 {
	match src.choose(5) {
		0 => 0,
		1 => accuracy / 10,
		2 => accuracy / 2,
		3 => accuracy,
		_ => (src.raw::<4>() as u32) % accuracy.saturating_add(1),
	}
}

fn primitive(p: &TypeDefPrimitive, src: &mut Source, ctx: &Context, out: &mut Vec<u8>) {
	match p {
		TypeDefPrimitive::Bool => (src.byte() & 1 == 1).encode_to(out),
		TypeDefPrimitive::U8 => {
			let v = if ctx.type_name().contains("Score") { score(src) } else { src.byte() };
			v.encode_to(out)
		},
		TypeDefPrimitive::U16 => (number(src, ctx, 16) as u16).encode_to(out),
		TypeDefPrimitive::U32 => (number(src, ctx, 32) as u32).encode_to(out),
		TypeDefPrimitive::U64 => (number(src, ctx, 64) as u64).encode_to(out),
		TypeDefPrimitive::U128 => number(src, ctx, 128).encode_to(out),
		TypeDefPrimitive::Str => "allspark".encode_to(out),
		TypeDefPrimitive::Char => u32::from('a').encode_to(out),
		// Signed and 256-bit integers: none in the runtime's calls; zero is a valid value.
		TypeDefPrimitive::I8 => 0i8.encode_to(out),
		TypeDefPrimitive::I16 => 0i16.encode_to(out),
		TypeDefPrimitive::I32 => 0i32.encode_to(out),
		TypeDefPrimitive::I64 => 0i64.encode_to(out),
		TypeDefPrimitive::I128 => 0i128.encode_to(out),
		TypeDefPrimitive::U256 | TypeDefPrimitive::I256 => out.extend_from_slice(&[0u8; 32]),
	}
}

/// A number of `bits` bits, drawn by what its declared type says it is.
fn number(src: &mut Source, ctx: &Context, bits: u32) -> u128 {
	let ty = ctx.type_name();
	let name = ctx.field_name();
	let v = if ty.contains("Balance") || bits == 128 {
		balance(src)
	} else if ty.contains("BlockNumber") || name.contains("deadline") || name == "end" {
		block(src, ctx.now)
	} else if ty.ends_with("Id") || ty.contains("Index") {
		match (src.choose(8), ctx.next_id()) {
			// One of the newest four objects of its kind.
			(n @ 0..=3, Some(next)) => u128::from(next.saturating_sub(1 + n as u64)),
			(6, _) => u128::MAX,
			(7, _) => src.raw::<8>(),
			(n, _) => n as u128,
		}
	} else {
		match src.choose(10) {
			0..=3 => src.choose(4) as u128,
			4 => 8,
			5 => 64,
			6 => 65,
			7 => 1_000,
			8 => u128::MAX,
			_ => src.raw::<8>(),
		}
	};
	if bits >= 128 {
		v
	} else {
		v & ((1u128 << bits) - 1)
	}
}

/// A balance: where the rules change (zero, one, around the existential deposit), ordinary
/// amounts, the maximum, or anything.
fn balance(src: &mut Source) -> Balance {
	const AMOUNTS: [Balance; 10] = [1, 2, 5, 10, 20, 50, 100, 1_000, 10_000, 100_000];
	match src.choose(12) {
		0 => 0,
		1 => 1,
		2 => allspark_runtime::EXISTENTIAL_DEPOSIT - 1,
		3 => allspark_runtime::EXISTENTIAL_DEPOSIT,
		4 => Balance::MAX,
		5 => Balance::MAX / 2,
		6..=9 => AMOUNTS[src.choose(AMOUNTS.len())] * ASK,
		10 => MILLI_ASK * Balance::from(src.byte()),
		_ => src.raw::<16>(),
	}
}

/// A block number: zero, now, the next blocks, later, the maximum, or anything.
fn block(src: &mut Source, now: BlockNumber) -> u128 {
	let now = u128::from(now);
	match src.choose(8) {
		0 => 0,
		1 => now,
		2..=4 => now + 1 + src.choose(32) as u128,
		5 => now + 8 * u128::from(src.byte()),
		6 => u128::from(u32::MAX),
		_ => src.raw::<4>(),
	}
}
