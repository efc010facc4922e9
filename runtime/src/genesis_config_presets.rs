//! Genesis presets: `development` (one validator, sudo, demo state) and
//! `local_consortium` (4 bank validators, a regulator node, governance by a
//! 5-of-7 council multisig, no sudo).

use crate::{
	configs::CONSORTIUM_ENACTMENT_DELAY, AccountId, Balance, BalancesConfig, BlockNumber,
	CompliantAssetsConfig, CorridorConfig, GovernanceConfig, IdentityRegistryConfig, MintEscrowConfig,
	NavOracleConfig, NodeAuthorizationConfig, PaymentsConfig, TmfConfig, TmmfConfig, Runtime, RuntimeGenesisConfig, SessionConfig, SessionKeys,
	SudoConfig, ValidatorSetConfig, DAYS, UNIT,
};
use alloc::{vec, vec::Vec};
use pallet_compliant_assets::{AgentRole, AssetRules, GenesisAsset};
use pallet_identity_registry::GenesisIdentity;
use pallet_mint_escrow::{DepositToken, GenesisDepositToken, ReserveStatement};
use sp_runtime::traits::{Hash as HashT, Keccak256};
use sp_genesis_builder::PresetId;
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};
use pallet_corridor::CorridorParams;
use pallet_nav_oracle::{FeedKind, FeedSettings};
use pallet_payments::SettlementCurrency;
use sp_runtime::Permill;
use tokenize_primitives::{Bic, InvestorCategory, Jurisdiction, Lei, Role};

/// Name of the 4-bank consortium preset.
pub const LOCAL_CONSORTIUM_PRESET: &str = "local_consortium";
/// The consortium preset for network tests: identical but for a governance
/// enactment delay of [`TEST_ENACTMENT_DELAY`] blocks instead of a day.
pub const LOCAL_CONSORTIUM_TEST_PRESET: &str = "local_consortium_test";
/// Enactment delay of the consortium test preset (30 s).
pub const TEST_ENACTMENT_DELAY: BlockNumber = 10;

/// Identities issued at genesis are valid from 2030-01-01T00:00:00Z on,
/// staggered by [`GENESIS_EXPIRY_STEP`] per identity, so that the founding
/// keys never all lapse at the same instant; governance renews them in the
/// ordinary way (and a lapsed keyholder can still sign governance calls).
const GENESIS_IDENTITY_EXPIRY: u64 = 1_893_456_000;
/// Ninety days between two genesis identities' expiries.
const GENESIS_EXPIRY_STEP: u64 = 90 * 24 * 3600;
/// Proposals wait this many blocks on the dev chain (30 s): long enough to
/// see and cancel one in a test, short enough to watch one run.
pub const DEV_ENACTMENT_DELAY: BlockNumber = 10;
const DEV_ENDOWMENT: u128 = 1_000_000 * UNIT;
/// The demo EUR deposit token: asset id 1, 2 decimals, a permissioned
/// (compliant-assets) asset.
pub const DEMO_EUR_ASSET: u32 = 1;
/// Demo USD stablecoin (asset 2, 6 decimals) and EUR stablecoin (asset 3,
/// 6 decimals): what the payment rail settles in.
pub const DEMO_USDC_ASSET: u32 = 2;
pub const DEMO_EURC_ASSET: u32 = 3;
/// One whole unit of the 6-decimal stablecoins.
const STABLE_UNIT: Balance = 1_000_000;
/// The money-market fund's shares.
pub const DEMO_TMMF_SHARES: u32 = 10;
/// The mutual fund's shares.
pub const DEMO_TMF_SHARES: u32 = 11;
/// One euro in EURD's smallest unit.
const EUR_CENTS: Balance = 100;
/// The money-market fund's NAV feed.
pub const DEMO_TMMF_NAV_FEED: u32 = 1;
/// The mutual fund's NAV feed.
pub const DEMO_TMF_NAV_FEED: u32 = 2;
/// EUR/USD.
pub const DEMO_EUR_USD_FEED: u32 = 3;
const MINUTE_MS: u64 = 60_000;
const HOUR_MS: u64 = 60 * MINUTE_MS;
/// The banks' BICs: Alice's bank in Frankfurt, Bob's in New York.
const ALICE_BANK_BIC: Bic = *b"COBADEFFXXX";
const BOB_BANK_BIC: Bic = *b"CHASUS33XXX";

/// The demo EUR deposits at genesis (cents): Alice, Bob and Charlie hold
/// EUR 1.51 million, backed by EUR 2 million the depositary attests.
const DEMO_EUR_HOLDINGS: [(Sr25519Keyring, Balance); 3] =
	[(Sr25519Keyring::Alice, 100_000_000), (Sr25519Keyring::Bob, 50_000_000), (Sr25519Keyring::Charlie, 1_000_000)];
const DEMO_EUR_RESERVE: Balance = 200_000_000;

const DE: Jurisdiction = Jurisdiction(*b"DE");
const FR: Jurisdiction = Jurisdiction(*b"FR");
const US: Jurisdiction = Jurisdiction(*b"US");
const GB: Jurisdiction = Jurisdiction(*b"GB");

/// ed25519 public keys of the consortium's deterministic libp2p node keys
/// (node key = sha256 of the node name, as zombienet derives them).
const CONSORTIUM_NODE_KEYS: [[u8; 32]; 5] = [
	// alice: node key = sha256("alice")
	[0xd5, 0xbf, 0x4a, 0x3f, 0xcc, 0xe7, 0x17, 0xb0, 0x38, 0x8b, 0xcc, 0x27, 0x49, 0xeb, 0xc1, 0x48, 0xad, 0x99, 0x69, 0xb2, 0x3f, 0x45, 0xee, 0x1b, 0x60, 0x5f, 0xd5, 0x87, 0x78, 0x57, 0x6a, 0xc4],
	// bob: node key = sha256("bob")
	[0xec, 0xc1, 0xb5, 0x87, 0x27, 0xf3, 0xf1, 0x2b, 0x31, 0x94, 0x88, 0x1a, 0x9e, 0xcb, 0x9d, 0xe0, 0xb2, 0x8c, 0xe7, 0xb2, 0x07, 0x23, 0x0d, 0x8e, 0x93, 0x0f, 0xe1, 0xbc, 0xe7, 0x5e, 0x25, 0x6c],
	// charlie: node key = sha256("charlie")
	[0xc8, 0xbf, 0x29, 0x59, 0xa9, 0x6b, 0xd9, 0x9f, 0xfd, 0xe4, 0xe7, 0x27, 0x7b, 0x41, 0xe5, 0x73, 0x31, 0xdb, 0xa7, 0xf7, 0x91, 0x81, 0x86, 0xc3, 0x59, 0xcf, 0x7d, 0xce, 0x14, 0x9b, 0xb5, 0x67],
	// dave: node key = sha256("dave")
	[0x8d, 0x92, 0x93, 0xc3, 0x27, 0x66, 0x2b, 0xe3, 0xc0, 0xfa, 0xeb, 0x57, 0x9b, 0x2a, 0xed, 0xd3, 0xb2, 0xce, 0xc3, 0x3d, 0x74, 0xda, 0xde, 0xdc, 0xee, 0xa7, 0x6b, 0x7a, 0x94, 0xdc, 0x90, 0xc0],
	// regulator: node key = sha256("regulator")
	[0xf4, 0x44, 0x63, 0xae, 0x95, 0x00, 0x6b, 0xff, 0x13, 0xf4, 0x61, 0xc3, 0xea, 0x17, 0x31, 0xb0, 0x2d, 0x48, 0xaf, 0xe9, 0x80, 0x98, 0x33, 0x9c, 0x77, 0x91, 0xa1, 0xf6, 0xf7, 0xbb, 0x44, 0xad],
];

/// libp2p PeerId bytes of an ed25519 node key: identity multihash (0x00, 36
/// bytes) of the protobuf public key {type: Ed25519 (0x08 0x01), data (0x12 0x20)}.
fn peer_id(public: &[u8; 32]) -> Vec<u8> {
	let mut bytes = vec![0x00, 0x24, 0x08, 0x01, 0x12, 0x20];
	bytes.extend_from_slice(public);
	bytes
}

fn session_keys(aura: Sr25519Keyring, grandpa: Ed25519Keyring) -> SessionKeys {
	SessionKeys { aura: aura.public().into(), grandpa: grandpa.public().into() }
}

fn validator_keys(validators: &[(Sr25519Keyring, Ed25519Keyring)]) -> Vec<(AccountId, AccountId, SessionKeys)> {
	validators
		.iter()
		.map(|(sr, ed)| (sr.to_account_id(), sr.to_account_id(), session_keys(*sr, *ed)))
		.collect()
}

fn identity(
	who: AccountId,
	verifier: &AccountId,
	jurisdiction: Jurisdiction,
	category: InvestorCategory,
	roles: Vec<Role>,
	lei: Option<&[u8; 20]>,
) -> GenesisIdentity<AccountId> {
	GenesisIdentity {
		who,
		verifier: verifier.clone(),
		jurisdiction,
		category,
		roles,
		expires_at: GENESIS_IDENTITY_EXPIRY,
		lei: lei.map(|l| Lei(*l)),
		bic: None,
	}
}

/// `identity` banking with the bank of `bic` (a bank's own BIC for a bank).
fn with_bic(mut identity: GenesisIdentity<AccountId>, bic: Bic) -> GenesisIdentity<AccountId> {
	identity.bic = Some(bic);
	identity
}

/// Gives the genesis identities successive expiries, [`GENESIS_EXPIRY_STEP`] apart.
fn staggered(mut identities: Vec<GenesisIdentity<AccountId>>) -> Vec<GenesisIdentity<AccountId>> {
	for (i, identity) in identities.iter_mut().enumerate() {
		identity.expires_at = GENESIS_IDENTITY_EXPIRY.saturating_add(GENESIS_EXPIRY_STEP.saturating_mul(i as u64));
	}
	identities
}

fn bank(who: AccountId, verifier: &AccountId, jurisdiction: Jurisdiction, lei: &[u8; 20]) -> GenesisIdentity<AccountId> {
	identity(who, verifier, jurisdiction, InvestorCategory::EligibleCounterparty, vec![Role::Bank], Some(lei))
}

/// Single-node development chain: Alice validates, holds sudo and is a trusted
/// verifier everywhere; Bob is a second verified bank and the second pair of
/// eyes for registrations, Charlie a verified retail customer, Eve the
/// compliance officer; Dave and Ferdie have no identity (to see refusals:
/// they cannot even submit a transaction). The governance council is a
/// 2-of-3 multisig of Alice, Bob and Eve; its proposals run as Root after
/// [`DEV_ENACTMENT_DELAY`] blocks (sudo also acts as Root here, and only
/// here). Demo EUR deposit token (asset 1, "EURD"), a permissioned asset made
/// at genesis through compliant-assets and issued through the mint escrow:
/// Alice's bank issues it (MintOperator), One is its depositary (a custodian
/// bank of its own legal entity) with an attestation as of genesis, Bob
/// freezes amounts (Freeze agent), Alice enforces and recovers
/// (ForcedTransfer, Recovery); Alice, Bob and Charlie hold it.
pub fn development_config_genesis() -> serde_json::Value {
	let alice = Sr25519Keyring::Alice.to_account_id();
	let bob = Sr25519Keyring::Bob.to_account_id();
	let charlie = Sr25519Keyring::Charlie.to_account_id();
	let eve = Sr25519Keyring::Eve.to_account_id();
	let one = Sr25519Keyring::One.to_account_id();
	let two = Sr25519Keyring::Two.to_account_id();
	let mut endowed: Vec<AccountId> = Sr25519Keyring::iter().take(6).map(|k| k.to_account_id()).collect();
	endowed.push(one.clone());
	endowed.push(two.clone());
	let holdings: Vec<(AccountId, Balance)> =
		DEMO_EUR_HOLDINGS.iter().map(|(who, amount)| (who.to_account_id(), *amount)).collect();
	let config = RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed.iter().cloned().map(|a| (a, DEV_ENDOWMENT)).collect(),
			..Default::default()
		},
		sudo: SudoConfig { key: Some(alice.clone()) },
		identity_registry: IdentityRegistryConfig {
			verifiers: vec![(alice.clone(), vec![DE, FR, US, GB]), (bob.clone(), vec![DE, FR, US, GB])],
			identities: staggered(vec![
				with_bic(
					identity(
						alice.clone(),
						&bob,
						DE,
						InvestorCategory::EligibleCounterparty,
						vec![Role::Bank, Role::MintOperator, Role::LiquidityProvider, Role::FundManager],
						Some(b"529900DEVALICE000001"),
					),
					ALICE_BANK_BIC,
				),
				with_bic(bank(bob.clone(), &alice, US, b"529900DEVBOB00000002"), BOB_BANK_BIC),
				with_bic(identity(charlie.clone(), &alice, DE, InvestorCategory::Retail, vec![], None), ALICE_BANK_BIC),
				identity(eve.clone(), &alice, FR, InvestorCategory::Professional, vec![Role::ComplianceOfficer], None),
				identity(
					one.clone(),
					&bob,
					DE,
					InvestorCategory::EligibleCounterparty,
					vec![Role::Depositary],
					Some(b"529900DEVCUSTODY0003"),
				),
				with_bic(identity(two.clone(), &bob, US, InvestorCategory::Retail, vec![], None), BOB_BANK_BIC),
			]
			.into_iter()
			.chain(nav_feeders().into_iter().map(|feeder| {
				identity(feeder, &alice, DE, InvestorCategory::Professional, vec![Role::OracleSubmitter], None)
			}))
			.chain(fund_cash_accounts().into_iter().map(|cash| {
				identity(cash, &alice, DE, InvestorCategory::EligibleCounterparty, vec![], None)
			}))
			.collect()),
			committees: vec![
				(Role::GovernanceCouncil, vec![alice.clone(), bob.clone(), eve], 2),
				(Role::SettlementCommittee, vec![alice.clone(), bob.clone(), one.clone()], 2),
			],
		},
		governance: GovernanceConfig { enactment_delay: DEV_ENACTMENT_DELAY },
		validator_set: ValidatorSetConfig { validators: vec![alice.clone()], minimum_validators: 1 },
		session: SessionConfig {
			keys: validator_keys(&[(Sr25519Keyring::Alice, Ed25519Keyring::Alice)]),
			..Default::default()
		},
		compliant_assets: CompliantAssetsConfig {
			assets: vec![
				GenesisAsset {
					id: DEMO_EUR_ASSET,
					name: b"Tokenized EUR deposit".to_vec(),
					symbol: b"EURD".to_vec(),
					decimals: 2,
					rules: AssetRules::default(),
					agents: vec![
						(bob.clone(), vec![AgentRole::Freeze]),
						(alice.clone(), vec![AgentRole::ForcedTransfer, AgentRole::Recovery]),
					],
					holdings: holdings.clone(),
					documents: vec![],
				},
				stablecoin(DEMO_USDC_ASSET, b"USD Coin", b"USDC", vec![(two.clone(), 50_000 * STABLE_UNIT)]),
				stablecoin(DEMO_EURC_ASSET, b"Euro Coin", b"EURC", vec![(alice.clone(), 1_000_000 * STABLE_UNIT)]),
				fund_shares(DEMO_TMMF_SHARES, b"Tokenize Money Market Fund (LVNAV)", b"TMMF"),
				fund_shares(DEMO_TMF_SHARES, b"Tokenize Mutual Fund", b"TMF"),
			],
		},
		corridor: CorridorConfig { corridors: demo_corridors() },
		payments: PaymentsConfig { currencies: settlement_currencies() },
		mint_escrow: MintEscrowConfig { tokens: vec![demo_deposit_token(alice, one, holdings)] },
		nav_oracle: NavOracleConfig { feeds: demo_feeds(nav_feeders()) },
		tmmf: TmmfConfig { fund: Some(demo_tmmf()) },
		tmf: TmfConfig { fund: Some(demo_tmf()) },
		..Default::default()
	};
	serde_json::to_value(config).unwrap_or_default()
}

/// A permissioned 6-decimal stablecoin with default rules, held by `holdings`.
/// The dev chain's three price submitters (`//NavFeeder1` to `//NavFeeder3`,
/// sr25519): an administrator's and two price vendors' keys.
const NAV_FEEDER_KEYS: [[u8; 32]; 3] = [
	hex_literal(*b"c0cb9a07db7adbf882fa020af8e5954aa190ab7026f01183401980fcfbeba335"),
	hex_literal(*b"2c8c09b197b328e6292e1701dcd08d00306430889c95b98c040435887a69075e"),
	hex_literal(*b"d0979d9de6d8f977a1ed6f8cb7f47297e4a5ba0a0059c7026e6d09a0a9235f38"),
];

fn nav_feeders() -> Vec<AccountId> {
	NAV_FEEDER_KEYS.iter().map(|key| AccountId::new(*key)).collect()
}

/// 32 bytes from 64 hex digits, at compile time.
const fn hex_literal(hex: [u8; 64]) -> [u8; 32] {
	const fn nibble(c: u8) -> u8 {
		match c {
			b'0'..=b'9' => c - b'0',
			b'a'..=b'f' => c - b'a' + 10,
			_ => panic!("not a lower-case hex digit"),
		}
	}
	let mut out = [0u8; 32];
	let mut i = 0;
	while i < 32 {
		out[i] = nibble(hex[2 * i]) << 4 | nibble(hex[2 * i + 1]);
		i += 1;
	}
	out
}

/// The dev chain's price feeds, fed by `submitters` (all three agree on a
/// NAV; two on an FX rate); the funds' NAVs need the depositary's sign-off.
/// No value at genesis: a genesis block has no clock, and an undated price
/// would be stale or, worse, served. `./scripts/run.sh` strikes the first.
fn demo_feeds(submitters: Vec<AccountId>) -> Vec<(u32, FeedSettings<Vec<AccountId>>)> {
	let nav = |currency: [u8; 3]| FeedSettings {
		kind: FeedKind::FundNav { currency },
		submitters: submitters.clone(),
		quorum: 3,
		max_age_ms: HOUR_MS,
		max_deviation: Permill::from_percent(5),
		requires_sign_off: true,
	};
	let fx = FeedSettings {
		kind: FeedKind::FxRate { base: *b"EUR", quote: *b"USD" },
		submitters: submitters.clone(),
		quorum: 2,
		max_age_ms: 5 * MINUTE_MS,
		max_deviation: Permill::from_percent(2),
		requires_sign_off: false,
	};
	vec![(DEMO_TMMF_NAV_FEED, nav(*b"EUR")), (DEMO_TMF_NAV_FEED, nav(*b"EUR")), (DEMO_EUR_USD_FEED, fx)]
}

/// The two funds' keyless cash accounts (verified, so that they may hold
/// EURD).
fn fund_cash_accounts() -> Vec<AccountId> {
	vec![crate::Tmmf::cash_account(), crate::Tmf::cash_account()]
}

/// A fund's share asset: permissioned, 6 decimals, issued by its fund
/// alone (no supply agent), with its prospectus and KID (ERC-1643).
fn fund_shares(id: u32, name: &[u8], symbol: &[u8]) -> GenesisAsset<u32, AccountId, Balance> {
	let document = |kind: &str| {
		let uri = alloc::format!("https://funds.example.org/{}/{kind}-v1.pdf", core::str::from_utf8(symbol).unwrap_or("fund"));
		let hash = <Keccak256 as HashT>::hash(uri.as_bytes()).0;
		(kind.to_uppercase().into_bytes(), uri.into_bytes(), hash)
	};
	GenesisAsset {
		id,
		name: name.to_vec(),
		symbol: symbol.to_vec(),
		decimals: 6,
		rules: AssetRules::default(),
		agents: vec![],
		holdings: vec![],
		documents: vec![document("prospectus"), document("kid")],
	}
}

/// The money-market fund: LVNAV at €1.0000 (±20 bp collar), minimum €100,
/// every category, T+1, a daily gate of 10 % of the shares.
fn demo_tmmf() -> pallet_fund_vault::FundConfig<u32, Balance> {
	pallet_fund_vault::FundConfig {
		share_asset: DEMO_TMMF_SHARES,
		payment_asset: DEMO_EUR_ASSET,
		nav_feed: DEMO_TMMF_NAV_FEED,
		min_investment: 100 * EUR_CENTS,
		eligible: pallet_fund_vault::Categories::ALL,
		kid_required: pallet_fund_vault::Categories::NONE,
		notice_days: 1,
		daily_gate: Some(Permill::from_percent(10)),
		dealing_max_age_ms: HOUR_MS,
		stale_freeze_ms: 48 * HOUR_MS,
		lvnav_collar: Some(Permill::from_parts(2_000)),
	}
}

/// The mutual fund: variable NAV, minimum €500, retail only with the KID
/// acknowledged, T+2, a daily gate of 10 %.
fn demo_tmf() -> pallet_fund_vault::FundConfig<u32, Balance> {
	pallet_fund_vault::FundConfig {
		share_asset: DEMO_TMF_SHARES,
		payment_asset: DEMO_EUR_ASSET,
		nav_feed: DEMO_TMF_NAV_FEED,
		min_investment: 500 * EUR_CENTS,
		eligible: pallet_fund_vault::Categories::ALL,
		kid_required: pallet_fund_vault::Categories::RETAIL,
		notice_days: 2,
		daily_gate: Some(Permill::from_percent(10)),
		dealing_max_age_ms: HOUR_MS,
		stale_freeze_ms: 48 * HOUR_MS,
		lvnav_collar: None,
	}
}

fn stablecoin(
	id: u32,
	name: &[u8],
	symbol: &[u8],
	holdings: Vec<(AccountId, Balance)>,
) -> GenesisAsset<u32, AccountId, Balance> {
	GenesisAsset {
		id,
		name: name.to_vec(),
		symbol: symbol.to_vec(),
		decimals: 6,
		rules: AssetRules::default(),
		agents: vec![],
		holdings,
		documents: vec![],
	}
}

/// US ⇄ DE corridors settling the stablecoins and EURD: 1 to 1,000,000
/// units per payment, 5,000,000 a day (in the smallest unit of the
/// 6-decimal coins; EURD counts cents against the same figures).
fn demo_corridors() -> Vec<(Jurisdiction, Jurisdiction, CorridorParams<Balance, Vec<u32>>)> {
	let params = CorridorParams {
		min_amount: STABLE_UNIT,
		max_amount: 1_000_000 * STABLE_UNIT,
		daily_limit: 5_000_000 * STABLE_UNIT,
		settlement_assets: vec![DEMO_USDC_ASSET, DEMO_EURC_ASSET, DEMO_EUR_ASSET],
	};
	vec![(US, DE, params.clone()), (DE, US, params)]
}

/// The ISO 4217 currency of each settleable asset.
fn settlement_currencies() -> Vec<(u32, SettlementCurrency)> {
	vec![
		(DEMO_EUR_ASSET, SettlementCurrency { code: *b"EUR", decimals: 2 }),
		(DEMO_USDC_ASSET, SettlementCurrency { code: *b"USD", decimals: 6 }),
		(DEMO_EURC_ASSET, SettlementCurrency { code: *b"EUR", decimals: 6 }),
	]
}

/// EURD as a deposit token: issued by `issuer`, attested by `depositary` as
/// of genesis with the liability tree of `holdings` (computed with the
/// pallet's own function, as an auditor's tool would).
fn demo_deposit_token(
	issuer: AccountId,
	depositary: AccountId,
	holdings: Vec<(AccountId, Balance)>,
) -> GenesisDepositToken<u32, AccountId, Balance, BlockNumber> {
	let tree = pallet_mint_escrow::Pallet::<Runtime>::liability_tree(holdings);
	GenesisDepositToken {
		asset: DEMO_EUR_ASSET,
		token: DepositToken {
			issuer,
			depositary,
			reserve_account: <Keccak256 as HashT>::hash(b"DE89370400440532013000 COBADEFFXXX"),
			clearing_window: 2 * DAYS,
			max_attestation_age: DAYS,
			min_redemption: 100,
		},
		statement: ReserveStatement {
			fiat_balance: DEMO_EUR_RESERVE,
			liabilities: tree.total,
			reserve_root: tree.root,
			report_hash: <Keccak256 as HashT>::hash(b"genesis reserve report"),
			as_of: 0,
		},
	}
}

/// The 4-bank consortium: Alice (DE) and Bob (FR) are EU banks, Charlie and
/// Dave US banks, each with its own LEI. Eve is the EU KYC verifier, Ferdie
/// the US one; Eve is also the compliance officer. One is the depositary.
/// The collective roles are pallet-multisig committees kept on chain:
/// governance council = 5-of-7 of the four banks, the two verifiers and One;
/// settlement committee = 3-of-5 of the four banks and One; compliance +
/// depositary = 2-of-3 of Eve, Ferdie and One. No sudo. Only the four
/// validators' nodes and the regulator node may connect.
pub fn local_consortium_genesis() -> serde_json::Value {
	consortium_genesis(CONSORTIUM_ENACTMENT_DELAY)
}

/// [`local_consortium_genesis`] with governance proposals enacted after
/// [`TEST_ENACTMENT_DELAY`] blocks, for the zombienet upgrade test.
pub fn local_consortium_test_genesis() -> serde_json::Value {
	consortium_genesis(TEST_ENACTMENT_DELAY)
}

fn consortium_genesis(enactment_delay: BlockNumber) -> serde_json::Value {
	use Sr25519Keyring::*;
	let [alice, bob, charlie, dave, eve, ferdie, one] =
		[Alice, Bob, Charlie, Dave, Eve, Ferdie, One].map(|k| k.to_account_id());
	let validators = [
		(Alice, Ed25519Keyring::Alice),
		(Bob, Ed25519Keyring::Bob),
		(Charlie, Ed25519Keyring::Charlie),
		(Dave, Ed25519Keyring::Dave),
	];
	let council = governance_council(&[&alice, &bob, &charlie, &dave, &eve, &ferdie, &one]);
	let endowed = [&alice, &bob, &charlie, &dave, &eve, &ferdie, &one, &council];
	let node_owners = [&alice, &bob, &charlie, &dave, &eve];
	let config = RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed.iter().map(|a| ((*a).clone(), DEV_ENDOWMENT)).collect(),
			..Default::default()
		},
		sudo: SudoConfig { key: None },
		identity_registry: IdentityRegistryConfig {
			verifiers: vec![(eve.clone(), vec![DE, FR]), (ferdie.clone(), vec![US])],
			identities: staggered(vec![
				bank(alice.clone(), &eve, DE, b"529900CONSORTDE00001"),
				bank(bob.clone(), &eve, FR, b"969500CONSORTFR00002"),
				bank(charlie.clone(), &ferdie, US, b"549300CONSORTUS00003"),
				bank(dave.clone(), &ferdie, US, b"549300CONSORTUS00004"),
				identity(eve.clone(), &ferdie, DE, InvestorCategory::Professional, vec![Role::KycVerifier, Role::ComplianceOfficer], None),
				identity(ferdie.clone(), &eve, US, InvestorCategory::Professional, vec![Role::KycVerifier], None),
				identity(one.clone(), &eve, DE, InvestorCategory::EligibleCounterparty, vec![Role::Depositary], None),
			]),
			committees: vec![
				(Role::GovernanceCouncil, [&alice, &bob, &charlie, &dave, &eve, &ferdie, &one].map(|a| a.clone()).to_vec(), 5),
				(Role::SettlementCommittee, [&alice, &bob, &charlie, &dave, &one].map(|a| a.clone()).to_vec(), 3),
				(Role::ComplianceDepositary, [&eve, &ferdie, &one].map(|a| a.clone()).to_vec(), 2),
			],
		},
		validator_set: ValidatorSetConfig {
			validators: vec![alice.clone(), bob.clone(), charlie.clone(), dave.clone()],
			minimum_validators: 4,
		},
		session: SessionConfig { keys: validator_keys(&validators), ..Default::default() },
		governance: GovernanceConfig { enactment_delay },
		node_authorization: NodeAuthorizationConfig {
			nodes: CONSORTIUM_NODE_KEYS
				.iter()
				.zip(node_owners)
				.map(|(key, owner)| (sp_core::OpaquePeerId(peer_id(key)), owner.clone()))
				.collect(),
		},
		..Default::default()
	};
	serde_json::to_value(config).unwrap_or_default()
}

/// The pallet-multisig account of the council: 5 of the given 7 signers.
pub fn governance_council(signers: &[&AccountId]) -> AccountId {
	let mut sorted: Vec<AccountId> = signers.iter().map(|a| (*a).clone()).collect();
	sorted.sort();
	pallet_multisig::Pallet::<crate::Runtime>::multi_account_id(&sorted, 5)
}

/// The preset with the given name, as JSON.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_config_genesis(),
		LOCAL_CONSORTIUM_PRESET => local_consortium_genesis(),
		LOCAL_CONSORTIUM_TEST_PRESET => local_consortium_test_genesis(),
		_ => return None,
	};
	serde_json::to_string(&patch).ok().map(|s| s.into_bytes())
}

pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(LOCAL_CONSORTIUM_PRESET),
		PresetId::from(LOCAL_CONSORTIUM_TEST_PRESET),
	]
}
