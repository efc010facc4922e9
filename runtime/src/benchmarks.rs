//! Pallets benchmarked by `./scripts/bench.sh`, and the set-up the compliance
//! layer's benchmarks need from the real runtime.

frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system, SystemBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_multisig, Multisig]
	[pallet_assets, Assets]
	[pallet_sudo, Sudo]
	[pallet_identity_registry, IdentityRegistry]
	[pallet_validator_set, ValidatorSet]
	[pallet_compliant_assets, CompliantAssets]
	[pallet_freeze, Freeze]
	[pallet_circuit_breaker, CircuitBreaker]
	[pallet_corridor, Corridor]
	[pallet_governance, Governance]
	[pallet_mint_escrow, MintEscrow]
	[pallet_payments, Payments]
	[pallet_nav_oracle, NavOracle]
	[pallet_fund_vault, Tmmf]
);

use crate::{AccountId, AssetId, Balance, CircuitBreaker, CompliantAssets, Freeze, IdentityRegistry, RuntimeOrigin};
use tokenize_primitives::{ComplianceBenchmarkHelper, FreezeReason, OperationKind, Role};

/// Identities, assets and freezes for the compliance layer's benchmarks,
/// made through the same calls governance and agents use.
pub struct ComplianceLayerHelper;

/// Throttles of `kinds` on `asset` that count every operation and never
/// refuse one: their bookkeeping is the worst case of each movement.
fn throttle_never_binding(asset: &AssetId, kinds: &[OperationKind]) {
	let limits = pallet_circuit_breaker::ThrottleConfig {
		window: 100,
		account_max_operations: Some(u32::MAX),
		account_max_amount: Some(Balance::MAX / 2),
		max_amount: Some(Balance::MAX),
		cooldown: 1,
	};
	for kind in kinds {
		let set = CircuitBreaker::set_throttle(RuntimeOrigin::root(), *kind, *asset, limits);
		debug_assert!(set.is_ok(), "{set:?}");
	}
}

/// The permissioned asset the freeze benchmarks work on.
const BENCH_ASSET: AssetId = 0xBE0C;
/// Agent role bits of compliant-assets: Supply | Freeze.
const SUPPLY_AND_FREEZE: u8 = 0b0011;

fn agent() -> AccountId {
	AccountId::new([0xA6; 32])
}

fn ensure_bench_asset() {
	ensure_agent_asset(BENCH_ASSET, b"Benchmark EUR", b"BEUR");
}

/// Creates the permissioned asset `id` (2 decimals, no rules) with the
/// benchmark agent as its supply and freeze agent, unless it exists;
/// whether it was created now.
fn ensure_agent_asset(id: AssetId, name: &[u8], symbol: &[u8]) -> bool {
	if <CompliantAssets as tokenize_primitives::ComplianceTransfer<AccountId, AssetId, Balance>>::is_permissioned(&id) {
		return false;
	}
	let created =
		CompliantAssets::create_asset(RuntimeOrigin::root(), id, name.to_vec(), symbol.to_vec(), 2, Default::default());
	debug_assert!(created.is_ok(), "{created:?}");
	IdentityRegistry::make_verified(&agent(), &[Role::Bank]);
	let appointed = CompliantAssets::add_agent(RuntimeOrigin::root(), id, agent(), SUPPLY_AND_FREEZE);
	debug_assert!(appointed.is_ok(), "{appointed:?}");
	true
}

impl pallet_compliant_assets::BenchmarkHelper<AccountId, AssetId, Balance> for ComplianceLayerHelper {
	fn asset_id() -> AssetId {
		0xBE0D
	}

	fn make_compliant(who: &AccountId) {
		IdentityRegistry::make_verified(who, &[]);
	}

	fn make_bank(who: &AccountId) {
		IdentityRegistry::make_verified(who, &[Role::Bank]);
	}

	fn throttle(asset: &AssetId) {
		throttle_never_binding(asset, &[OperationKind::AssetTransfer, OperationKind::Mint, OperationKind::Burn]);
	}

	fn freeze(asset: &AssetId, who: &AccountId, amount: Balance, entries: u32) {
		IdentityRegistry::make_verified(&agent(), &[Role::Bank]);
		let _ = CompliantAssets::add_agent(RuntimeOrigin::root(), *asset, agent(), SUPPLY_AND_FREEZE);
		let entries = entries.max(1);
		let share = amount / Balance::from(entries);
		for index in 0..entries {
			// The last entry takes the remainder.
			let part = if index + 1 == entries { amount - share * Balance::from(entries - 1) } else { share };
			let frozen = Freeze::freeze(
				RuntimeOrigin::signed(agent()),
				*asset,
				who.clone(),
				part,
				FreezeReason::RegulatoryHold,
				b"bench".to_vec(),
			);
			debug_assert!(frozen.is_ok(), "{frozen:?}");
		}
	}
}

impl pallet_freeze::BenchmarkHelper<AssetId, AccountId, Balance> for ComplianceLayerHelper {
	fn asset() -> AssetId {
		ensure_bench_asset();
		BENCH_ASSET
	}

	fn fund(asset: &AssetId, who: &AccountId, amount: Balance) {
		ensure_bench_asset();
		IdentityRegistry::make_verified(who, &[]);
		let minted = CompliantAssets::do_mint(agent(), *asset, who.clone(), amount);
		debug_assert!(minted.is_ok(), "{minted:?}");
	}
}

/// The permissioned asset the mint-escrow benchmarks make a deposit token of.
const BENCH_DEPOSIT_TOKEN: AssetId = 0xBE0E;

impl pallet_mint_escrow::BenchmarkHelper<AccountId, AssetId> for ComplianceLayerHelper {
	/// Created through governance's call, with throttles in force on its
	/// mints and burns (the worst case of every issue and burn).
	fn permissioned_asset() -> AssetId {
		let created = CompliantAssets::create_asset(
			RuntimeOrigin::root(),
			BENCH_DEPOSIT_TOKEN,
			b"Benchmark EUR deposit".to_vec(),
			b"BEURD".to_vec(),
			2,
			Default::default(),
		);
		debug_assert!(created.is_ok(), "{created:?}");
		<Self as pallet_compliant_assets::BenchmarkHelper<AccountId, AssetId, Balance>>::throttle(&BENCH_DEPOSIT_TOKEN);
		BENCH_DEPOSIT_TOKEN
	}

	fn make_verified(who: &AccountId, roles: &[Role]) {
		IdentityRegistry::make_verified(who, roles);
	}
}

/// The bank BIC every payment benchmark identity names.
const BENCH_BIC: tokenize_primitives::Bic = *b"BENCHUS3XXX";

/// A verified identity in `jurisdiction` with the benchmark bank's BIC.
fn verified_in(who: &AccountId, jurisdiction: tokenize_primitives::Jurisdiction, roles: &[Role]) {
	IdentityRegistry::make_verified(who, roles);
	pallet_identity_registry::Identities::<crate::Runtime>::mutate(who, |record| {
		if let Some(record) = record {
			record.jurisdiction = jurisdiction;
			record.bic = Some(BENCH_BIC);
		}
	});
}

impl pallet_payments::BenchmarkHelper<AccountId, AssetId, Balance, crate::Signature> for ComplianceLayerHelper {
	/// The freeze benchmarks' asset, settled in USD on a GB → FR corridor
	/// whose limits never bind, with the payment and transfer throttles in
	/// force (their worst case).
	fn payment_route(sender: &AccountId, recipient: &AccountId, funds: Balance) -> (AssetId, Balance) {
		use tokenize_primitives::Jurisdiction;
		// A corridor of its own (the dev chain's US <-> DE ones settle other assets).
		let (source, destination) = (Jurisdiction(*b"GB"), Jurisdiction(*b"FR"));
		ensure_bench_asset();
		if pallet_payments::SettlementCurrencies::<crate::Runtime>::get(BENCH_ASSET).is_none() {
			let currency = pallet_payments::SettlementCurrency { code: *b"USD", decimals: 2 };
			let set = crate::Payments::set_settlement_currency(RuntimeOrigin::root(), BENCH_ASSET, Some(currency));
			debug_assert!(set.is_ok(), "{set:?}");
			let params = pallet_corridor::CorridorParams {
				min_amount: 1,
				max_amount: Balance::MAX / 4,
				daily_limit: Balance::MAX / 2,
				settlement_assets: alloc::vec![BENCH_ASSET],
			};
			let added = crate::Corridor::add_corridor(RuntimeOrigin::root(), source, destination, params);
			debug_assert!(added.is_ok(), "{added:?}");
			throttle_never_binding(&BENCH_ASSET, &[OperationKind::AssetTransfer, OperationKind::Payment]);
		}
		verified_in(sender, source, &[]);
		verified_in(recipient, destination, &[]);
		let minted = CompliantAssets::do_mint(agent(), BENCH_ASSET, sender.clone(), funds);
		debug_assert!(minted.is_ok(), "{minted:?}");
		(BENCH_ASSET, 1_000)
	}

	fn make_verified(who: &AccountId, roles: &[Role]) {
		verified_in(who, tokenize_primitives::Jurisdiction(*b"GB"), roles);
	}

	/// A key made in the benchmark's keystore, verified in DE with the role,
	/// holding `funds` of a second permissioned asset settled in EUR.
	fn liquidity_provider(funds: Balance) -> (AccountId, AssetId) {
		let lp = keystore_identity(&[Role::LiquidityProvider]);
		if ensure_agent_asset(BENCH_FX_ASSET, b"Benchmark EUR coin", b"BEURC") {
			let currency = pallet_payments::SettlementCurrency { code: *b"EUR", decimals: 2 };
			let set = crate::Payments::set_settlement_currency(RuntimeOrigin::root(), BENCH_FX_ASSET, Some(currency));
			debug_assert!(set.is_ok(), "{set:?}");
			throttle_never_binding(&BENCH_FX_ASSET, &[OperationKind::AssetTransfer]);
		}
		let minted = CompliantAssets::do_mint(agent(), BENCH_FX_ASSET, lp.clone(), funds);
		debug_assert!(minted.is_ok(), "{minted:?}");
		(lp, BENCH_FX_ASSET)
	}

	/// A key made in the benchmark's keystore, a verified Bank in DE with
	/// the BIC every payment identity names.
	fn signing_bank() -> AccountId {
		keystore_identity(&[Role::Bank])
	}

	fn sign(lp: &AccountId, message: &[u8]) -> crate::Signature {
		let public = sp_core::sr25519::Public::from_raw(*<AccountId as AsRef<[u8; 32]>>::as_ref(lp));
		let signature = sp_io::crypto::sr25519_sign(FX_KEY, &public, message);
		crate::Signature::Sr25519(signature.unwrap_or_else(|| sp_core::sr25519::Signature::from_raw([0; 64])))
	}
}

/// An account whose sr25519 key the benchmark's keystore holds (so the
/// helper can sign for it), verified in DE with `roles` and the benchmark BIC.
fn keystore_identity(roles: &[Role]) -> AccountId {
	let who = AccountId::from(sp_io::crypto::sr25519_generate(FX_KEY, None));
	verified_in(&who, tokenize_primitives::Jurisdiction(*b"DE"), roles);
	who
}

/// The second asset of the FX benchmark and the key type of its signers.
const BENCH_FX_ASSET: AssetId = 0xBE10;
const FX_KEY: sp_core::crypto::KeyTypeId = sp_core::crypto::KeyTypeId(*b"fxlp");

impl pallet_nav_oracle::BenchmarkHelper<AccountId> for ComplianceLayerHelper {
	fn make_submitter(who: &AccountId) {
		IdentityRegistry::make_verified(who, &[Role::OracleSubmitter]);
	}

	fn set_now_ms(ms: u64) {
		pallet_timestamp::Now::<crate::Runtime>::put(ms);
	}
}

/// The share assets, the payment asset and the NAV feeds of the fund
/// benchmarks (the dev chain's own are left alone).
const BENCH_TMMF_SHARES: AssetId = 0xBE10;
const BENCH_TMF_SHARES: AssetId = 0xBE11;
const BENCH_TMMF_FEED: tokenize_primitives::FeedId = 0xBE10;
const BENCH_TMF_FEED: tokenize_primitives::FeedId = 0xBE11;
const BENCH_KID: [u8; 32] = [0x4B; 32];
/// 2026-12-01 09:00 UTC, where the fund benchmarks start.
const BENCH_FUNDS_START_MS: u64 = 1_796_115_600_000;

/// A permissioned share asset (6 decimals) with a published KID, unless it
/// exists.
fn ensure_share_asset(id: AssetId, symbol: &[u8]) {
	if <CompliantAssets as tokenize_primitives::ComplianceTransfer<AccountId, AssetId, Balance>>::is_permissioned(&id) {
		return;
	}
	let created = CompliantAssets::create_asset(RuntimeOrigin::root(), id, symbol.to_vec(), symbol.to_vec(), 6, Default::default());
	debug_assert!(created.is_ok(), "{created:?}");
	let published = CompliantAssets::set_document(RuntimeOrigin::root(), id, b"KID".to_vec(), b"https://kid".to_vec(), BENCH_KID);
	debug_assert!(published.is_ok(), "{published:?}");
}

/// A EUR NAV feed the committee (root) prices by hand, unless it exists.
fn ensure_nav_feed(feed: tokenize_primitives::FeedId) {
	if pallet_nav_oracle::Feeds::<crate::Runtime>::contains_key(feed) {
		return;
	}
	let settings = pallet_nav_oracle::FeedSettings {
		kind: pallet_nav_oracle::FeedKind::FundNav { currency: *b"EUR" },
		submitters: frame_support::BoundedVec::truncate_from(alloc::vec![agent()]),
		quorum: 1,
		max_age_ms: 3_600_000,
		max_deviation: sp_runtime::Permill::from_percent(5),
		requires_sign_off: false,
	};
	let registered = crate::NavOracle::register_feed(RuntimeOrigin::root(), feed, settings);
	debug_assert!(registered.is_ok(), "{registered:?}");
}

fn bench_fund(share_asset: AssetId, nav_feed: tokenize_primitives::FeedId) -> pallet_fund_vault::FundConfig<AssetId, Balance> {
	pallet_fund_vault::FundConfig {
		share_asset,
		payment_asset: BENCH_ASSET,
		nav_feed,
		min_investment: 1,
		eligible: pallet_fund_vault::Categories::ALL,
		kid_required: pallet_fund_vault::Categories::NONE,
		notice_days: 2,
		daily_gate: None,
		dealing_max_age_ms: 3_600_000,
		stale_freeze_ms: 48 * 3_600_000,
		lvnav_collar: None,
	}
}

impl pallet_fund_vault::BenchmarkHelper<AccountId, AssetId, Balance> for ComplianceLayerHelper {
	fn funds() -> pallet_fund_vault::FundConfig<AssetId, Balance> {
		// Identities are dated by the clock: set it first.
		pallet_timestamp::Now::<crate::Runtime>::put(BENCH_FUNDS_START_MS);
		ensure_bench_asset();
		ensure_share_asset(BENCH_TMMF_SHARES, b"BTMMF");
		ensure_share_asset(BENCH_TMF_SHARES, b"BTMF");
		ensure_nav_feed(BENCH_TMMF_FEED);
		ensure_nav_feed(BENCH_TMF_FEED);
		for cash in [crate::Tmmf::cash_account(), crate::Tmf::cash_account()] {
			IdentityRegistry::make_verified(&cash, &[]);
		}
		pallet_fund_vault::Fund::<crate::Runtime, frame_support::instances::Instance2>::put(bench_fund(
			BENCH_TMF_SHARES,
			BENCH_TMF_FEED,
		));
		pallet_fund_vault::FundConfig {
			min_investment: 10_000,
			kid_required: pallet_fund_vault::Categories::ALL,
			notice_days: 1,
			daily_gate: Some(sp_runtime::Permill::from_percent(10)),
			lvnav_collar: Some(sp_runtime::Permill::from_parts(2_000)),
			..bench_fund(BENCH_TMMF_SHARES, BENCH_TMMF_FEED)
		}
	}

	fn investor(who: &AccountId, payment_asset: &AssetId, amount: Balance) {
		IdentityRegistry::make_verified(who, &[]);
		let minted = CompliantAssets::mint(RuntimeOrigin::signed(agent()), *payment_asset, who.clone(), amount);
		debug_assert!(minted.is_ok(), "{minted:?}");
	}

	fn strike_navs_at(ms: u64) {
		pallet_timestamp::Now::<crate::Runtime>::put(ms);
		for (feed, nav) in [(BENCH_TMMF_FEED, (1, 1)), (BENCH_TMF_FEED, (105, 100))] {
			let value = sp_runtime::FixedU128::from_rational(nav.0, nav.1);
			let struck = crate::NavOracle::set_manual_price(RuntimeOrigin::root(), feed, value);
			debug_assert!(struck.is_ok(), "{struck:?}");
		}
	}

	fn kid(_share_asset: &AssetId) -> [u8; 32] {
		BENCH_KID
	}
}
