//! Runtime-level tests: the genesis presets build, and the governance origin
//! is wired to the on-chain GovernanceCouncil role.

use crate::{
	configs::GovernanceOrigin,
	genesis_config_presets::{get_preset, governance_council, LOCAL_CONSORTIUM_PRESET},
	AccountId, Runtime, RuntimeGenesisConfig, RuntimeOrigin,
};
use frame_support::traits::EnsureOrigin;
use sp_keyring::Sr25519Keyring;
use sp_runtime::BuildStorage;
use tokenize_primitives::{Compliance, Role};

fn externalities(preset: &str) -> sp_io::TestExternalities {
	let json = get_preset(&preset.into()).expect("preset exists");
	let config: RuntimeGenesisConfig = serde_json::from_slice(&json).expect("preset is valid JSON");
	let mut ext: sp_io::TestExternalities = config.build_storage().expect("genesis builds").into();
	// Identity expiry is checked against wall-clock time: a day into 2027.
	ext.execute_with(|| pallet_timestamp::Now::<Runtime>::put(1_798_848_000_000u64));
	ext
}

fn account(k: Sr25519Keyring) -> AccountId {
	k.to_account_id()
}

#[test]
fn development_preset_has_one_validator_with_sudo() {
	externalities(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		assert_eq!(pallet_validator_set::Validators::<Runtime>::get().into_inner(), vec![account(Sr25519Keyring::Alice)]);
		assert_eq!(pallet_session::Validators::<Runtime>::get(), vec![account(Sr25519Keyring::Alice)]);
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 1);
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(account(Sr25519Keyring::Alice)));
		assert!(crate::IdentityRegistry::has_role(&account(Sr25519Keyring::Bob), Role::Bank));
		assert!(!crate::IdentityRegistry::is_verified(&account(Sr25519Keyring::Dave)));
		// Both funds' NAV feeds and EUR/USD, fed by three verified submitters;
		// no price before the chain has a clock.
		use crate::genesis_config_presets::{DEMO_EUR_USD_FEED, DEMO_TMF_NAV_FEED, DEMO_TMMF_NAV_FEED};
		for feed in [DEMO_TMMF_NAV_FEED, DEMO_TMF_NAV_FEED, DEMO_EUR_USD_FEED] {
			let settings = pallet_nav_oracle::Feeds::<Runtime>::get(feed).expect("a demo feed");
			assert_eq!(settings.submitters.len(), 3);
			assert!(settings.submitters.iter().all(|s| crate::IdentityRegistry::has_role(s, Role::OracleSubmitter)));
			assert!(pallet_nav_oracle::Latest::<Runtime>::get(feed).is_none());
		}
		// EURD is a permissioned asset, made through compliant-assets.
		let eurd = crate::genesis_config_presets::DEMO_EUR_ASSET;
		assert!(pallet_compliant_assets::Rules::<Runtime>::contains_key(eurd));
		assert_eq!(pallet_compliant_assets::HolderCount::<Runtime>::get(eurd), 3);
		assert!(crate::CompliantAssets::is_active_agent(
			&eurd,
			&account(Sr25519Keyring::Bob),
			pallet_compliant_assets::AgentRole::Freeze
		));
		// ... and a deposit token: Alice's bank issues it, One attests its
		// backing as of genesis, and the attested tree is the holdings'.
		let token = pallet_mint_escrow::DepositTokens::<Runtime>::get(eurd).expect("EURD is a deposit token");
		assert_eq!((token.issuer.clone(), token.depositary), (account(Sr25519Keyring::Alice), account(Sr25519Keyring::One)));
		assert!(crate::IdentityRegistry::has_role(&token.issuer, Role::MintOperator));
		let backing = crate::MintEscrow::backing_status(&eurd).expect("attested at genesis");
		assert_eq!((backing.supply, backing.attested_fiat, backing.stale), (151_000_000, Some(200_000_000), false));
		let attestation = pallet_mint_escrow::LatestAttestation::<Runtime>::get(eurd).expect("attested");
		assert_eq!(attestation.supply_check, pallet_mint_escrow::SupplyCheck::Matches);
		let tree = crate::MintEscrow::liability_tree(crate::compliance_views::holdings(eurd));
		assert_eq!((tree.root, tree.total, tree.leaf_count), (attestation.reserve_root, 151_000_000, 3));
		let charlie = crate::MintEscrow::liability_proof(crate::compliance_views::holdings(eurd), &account(Sr25519Keyring::Charlie))
			.expect("Charlie holds EURD");
		assert!(crate::MintEscrow::verify_liability(&eurd, &charlie));
	});
}

#[test]
fn consortium_preset_has_four_banks_no_sudo_and_an_allowlist() {
	externalities(LOCAL_CONSORTIUM_PRESET).execute_with(|| {
		let banks: Vec<AccountId> =
			[Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie, Sr25519Keyring::Dave]
				.map(account)
				.to_vec();
		assert_eq!(pallet_validator_set::Validators::<Runtime>::get().into_inner(), banks);
		assert_eq!(pallet_validator_set::MinimumValidators::<Runtime>::get(), 4);
		assert_eq!(pallet_session::Validators::<Runtime>::get(), banks);
		assert_eq!(pallet_grandpa::Pallet::<Runtime>::grandpa_authorities().len(), 4);
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), None);
		assert!(banks.iter().all(|b| crate::IdentityRegistry::has_role(b, Role::Bank)));
		assert_eq!(pallet_node_authorization::WellKnownNodes::<Runtime>::get().len(), 5);
	});
}

#[test]
fn governance_origin_is_root_or_the_council_multisig() {
	externalities(LOCAL_CONSORTIUM_PRESET).execute_with(|| {
		use Sr25519Keyring::*;
		let signers = [Alice, Bob, Charlie, Dave, Eve, Ferdie, One].map(account);
		let council = governance_council(&signers.iter().collect::<Vec<_>>());
		assert!(crate::IdentityRegistry::has_role(&council, Role::GovernanceCouncil));
		assert!(GovernanceOrigin::try_origin(RuntimeOrigin::root()).is_ok());
		assert!(GovernanceOrigin::try_origin(RuntimeOrigin::signed(council)).is_ok());
		for signer in signers {
			// A single council signer is not the council.
			assert!(GovernanceOrigin::try_origin(RuntimeOrigin::signed(signer)).is_err());
		}
		assert!(GovernanceOrigin::try_origin(RuntimeOrigin::none()).is_err());
	});
}

#[test]
fn the_test_consortium_differs_from_the_consortium_only_in_its_governance_delay() {
	use crate::genesis_config_presets::{LOCAL_CONSORTIUM_TEST_PRESET, TEST_ENACTMENT_DELAY};
	let json = |preset: &str| -> serde_json::Value {
		serde_json::from_slice(&get_preset(&preset.into()).expect("preset exists")).expect("valid JSON")
	};
	let (mut real, mut test) = (json(LOCAL_CONSORTIUM_PRESET), json(LOCAL_CONSORTIUM_TEST_PRESET));
	assert_eq!(real["governance"]["enactmentDelay"], serde_json::json!(crate::configs::CONSORTIUM_ENACTMENT_DELAY));
	assert_eq!(test["governance"]["enactmentDelay"], serde_json::json!(TEST_ENACTMENT_DELAY));
	real["governance"]["enactmentDelay"] = serde_json::Value::Null;
	test["governance"]["enactmentDelay"] = serde_json::Value::Null;
	assert_eq!(real, test);
}

#[test]
fn every_preset_satisfies_the_pallets_invariants() {
	for name in crate::genesis_config_presets::preset_names() {
		externalities(&name).execute_with(|| {
			assert_eq!(crate::invariants::check_all(), Ok(()), "{name}");
			assert!(pallet_governance::EnactmentDelay::<Runtime>::get() > 0, "{name}");
		});
	}
}

#[test]
fn a_session_rotation_leaves_the_users_their_whole_block() {
	use frame_support::dispatch::DispatchClass;
	use sp_runtime::traits::Header as _;
	externalities(LOCAL_CONSORTIUM_PRESET).execute_with(|| {
		let at = crate::SESSION_PERIOD;
		frame_system::Pallet::<Runtime>::set_block_number(at - 1);
		let header = crate::Header::new(at, Default::default(), Default::default(), Default::default(), Default::default());
		crate::Executive::initialize_block(&header);
		// The validator set rotated the session at its end, pallet-session
		// did not rotate it a second time,
		assert_eq!(pallet_session::CurrentIndex::<Runtime>::get(), 1);
		// and the rotation was charged its benchmark, not the whole block:
		// users' transactions still have their whole share of it.
		let limits: frame_system::limits::BlockWeights = <Runtime as frame_system::Config>::BlockWeights::get();
		let users = limits.get(DispatchClass::Normal).max_total.expect("users' share is bounded");
		let initialized = frame_system::BlockWeight::<Runtime>::get().total();
		assert!(initialized.all_gte(limits.base_block), "{initialized:?}");
		assert!(initialized.saturating_add(users).all_lte(limits.max_block), "{initialized:?} + {users:?}");
		// One block before, nothing rotates.
		assert!(!<crate::configs::SessionsEveryPeriod as tokenize_primitives::SessionRotation<_, _>>::ends_at(at - 1));
	});
}
