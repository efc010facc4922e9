use crate::{
	mock::*, AgentRole, AgentRoles, AssetRules, DocumentCount, Documents, EnsureAssetAgent, Error, Event,
	HolderCount, Profiles, Rules, RulesInputOf, WeightInfo,
};
use frame_support::{
	assert_noop, assert_ok, parameter_types,
	traits::{fungibles::roles::Inspect as RolesInspect, EnsureOriginWithArg},
};
use frame_support::weights::Weight;
use proptest::prelude::*;
use std::collections::BTreeMap;
use frame_support::dispatch::DispatchResultWithPostInfo;
use sp_runtime::{DispatchError, DispatchResult};
use tokenize_primitives::{
	ComplianceFailure, ComplianceTransfer, InvestorCategory, Jurisdiction, OperationKind,
};

type AssetsPallet = pallet_assets::Pallet<Test>;

fn balance(who: u64) -> u64 {
	AssetsPallet::balance(ASSET, who)
}

fn holders() -> u32 {
	HolderCount::<Test>::get(ASSET)
}

fn non_zero_holders() -> u32 {
	HOLDERS.iter().filter(|who| balance(**who) > 0).count() as u32
}

/// A call's outcome without the weight it was charged.
fn outcome(result: DispatchResultWithPostInfo) -> DispatchResult {
	result.map(|_| ()).map_err(|error| error.error)
}

fn transfer(from: u64, to: u64, amount: u64) -> DispatchResult {
	outcome(CompliantAssets::transfer(RuntimeOrigin::signed(from), ASSET, to, amount))
}

fn set_rules(rules: RulesInputOf<Test>) {
	assert_ok!(CompliantAssets::set_rules(RuntimeOrigin::signed(ADMIN), ASSET, rules));
}

fn forced(from: u64, to: u64, amount: u64) -> DispatchResult {
	CompliantAssets::forced_transfer(RuntimeOrigin::signed(ENFORCER), ASSET, from, to, amount)
}

/// The transfer fails with `error`, changes nothing, and `can_transfer`
/// predicts exactly that error.
fn assert_refused(asset: u32, from: u64, to: u64, amount: u64, error: Error<Test>) {
	let error: DispatchError = error.into();
	assert_eq!(CompliantAssets::can_transfer(asset, &from, &to, amount), Err(error));
	assert_noop!(CompliantAssets::transfer(RuntimeOrigin::signed(from), asset, to, amount), error);
}

// ---- creation and rules -----------------------------------------------------

#[test]
fn asset_is_created_in_pallet_assets_owned_by_the_pallet() {
	new_test_ext().execute_with(|| {
		create_asset(ASSET, AssetRules::default());
		let pallet = CompliantAssets::account_id();
		assert_eq!(AssetsPallet::owner(ASSET), Some(pallet));
		assert_eq!(AssetsPallet::admin(ASSET), Some(pallet));
		assert_eq!(AssetsPallet::issuer(ASSET), Some(pallet));
		assert_eq!(AssetsPallet::freezer(ASSET), Some(pallet));
		assert!(CompliantAssets::is_permissioned(&ASSET));
		let profile = Profiles::<Test>::get(ASSET).expect("profile stored");
		assert_eq!(
			(profile.name.to_vec(), profile.symbol.to_vec(), profile.decimals),
			(b"Euro".to_vec(), b"EURD".to_vec(), 2)
		);
		System::assert_last_event(
			Event::AssetCreated {
				asset: ASSET,
				name: profile.name,
				symbol: profile.symbol,
				decimals: 2,
				rules: AssetRules::default(),
			}
			.into(),
		);
		// Sufficient: a holder with no native balance can receive it.
		appoint(SUPPLY_AGENT, &[AgentRole::Supply]);
		assert_eq!(Balances::free_balance(ALICE), 0);
		mint(ALICE, 1);
		assert_eq!(balance(ALICE), 1);
	});
}

#[test]
fn creation_is_refused_with_named_errors() {
	new_test_ext().execute_with(|| {
		let create = |id: u32, name: &[u8], symbol: &[u8], rules: RulesInputOf<Test>| {
			CompliantAssets::create_asset(
				RuntimeOrigin::signed(ADMIN),
				id,
				name.to_vec(),
				symbol.to_vec(),
				6,
				rules,
			)
		};
		let open = AssetRules::default;
		assert_noop!(
			CompliantAssets::create_asset(
				RuntimeOrigin::signed(ALICE),
				ASSET,
				b"E".to_vec(),
				b"E".to_vec(),
				6,
				open()
			),
			DispatchError::BadOrigin
		);
		assert_noop!(create(ASSET, b"", b"E", open()), Error::<Test>::EmptyName);
		assert_noop!(create(ASSET, b"123456789", b"E", open()), Error::<Test>::NameTooLong);
		assert_noop!(create(ASSET, b"E", b"", open()), Error::<Test>::EmptySymbol);
		assert_noop!(create(ASSET, b"E", b"123456789", open()), Error::<Test>::SymbolTooLong);
		let four = vec![DE, FR, US, Jurisdiction(*b"IT")];
		assert_noop!(
			create(ASSET, b"E", b"E", AssetRules { allowed_jurisdictions: four.clone(), ..open() }),
			Error::<Test>::TooManyJurisdictionRules
		);
		assert_noop!(
			create(ASSET, b"E", b"E", AssetRules { blocked_jurisdictions: four, ..open() }),
			Error::<Test>::TooManyJurisdictionRules
		);
		assert_noop!(
			create(
				ASSET,
				b"E",
				b"E",
				AssetRules { blocked_jurisdictions: vec![Jurisdiction(*b"de")], ..open() }
			),
			Error::<Test>::MalformedJurisdiction
		);
		assert_noop!(
			create(
				ASSET,
				b"E",
				b"E",
				AssetRules { allowed_jurisdictions: vec![DE, FR], blocked_jurisdictions: vec![FR], ..open() }
			),
			Error::<Test>::JurisdictionAllowedAndBlocked
		);
		assert_noop!(
			create(ASSET, b"E", b"E", AssetRules { max_holders: Some(0), ..open() }),
			Error::<Test>::ZeroLimit
		);
		assert_noop!(
			create(ASSET, b"E", b"E", AssetRules { max_balance: Some(0), ..open() }),
			Error::<Test>::ZeroLimit
		);
		// Bounds are inclusive.
		assert_ok!(create(
			ASSET,
			b"12345678",
			b"12345678",
			AssetRules { allowed_jurisdictions: vec![DE, FR, US], ..open() }
		));
		assert_noop!(create(ASSET, b"E", b"E", open()), Error::<Test>::AssetAlreadyExists);
		// An asset pallet-assets already has cannot be adopted.
		assert_ok!(AssetsPallet::force_create(RuntimeOrigin::root(), 8, ALICE, true, 1));
		assert_noop!(create(8, b"E", b"E", open()), Error::<Test>::AssetIdInUse);
	});
}

#[test]
fn rules_are_replaced_by_the_admin_only() {
	ext_with_asset().execute_with(|| {
		let rules = AssetRules {
			max_holders: Some(5),
			min_category: Some(InvestorCategory::Professional),
			..Default::default()
		};
		assert_noop!(
			CompliantAssets::set_rules(RuntimeOrigin::signed(ALICE), ASSET, rules.clone()),
			DispatchError::BadOrigin
		);
		assert_noop!(
			CompliantAssets::set_rules(RuntimeOrigin::signed(ADMIN), 99, rules.clone()),
			Error::<Test>::UnknownAsset
		);
		assert_noop!(
			CompliantAssets::set_rules(
				RuntimeOrigin::signed(ADMIN),
				ASSET,
				AssetRules { max_holders: Some(0), ..Default::default() }
			),
			Error::<Test>::ZeroLimit
		);
		set_rules(rules);
		let stored = Rules::<Test>::get(ASSET).expect("rules");
		assert_eq!(stored.max_holders, Some(5));
		System::assert_last_event(Event::RulesSet { asset: ASSET, rules: stored }.into());
	});
}

// ---- ordinary transfers -----------------------------------------------------

#[test]
fn compliant_transfer_moves_the_amount() {
	ext_with_asset().execute_with(|| {
		assert_eq!(holders(), 1);
		let noted = noted_operations();
		assert_ok!(CompliantAssets::can_transfer(ASSET, &ALICE, &BOB, 300));
		// The pre-check counts nothing against the throttle.
		assert_eq!(noted_operations(), noted);
		assert_ok!(transfer(ALICE, BOB, 300));
		assert_eq!((balance(ALICE), balance(BOB)), (700, 300));
		assert_eq!(holders(), 2);
		assert_eq!(noted_operations(), noted + 1);
		System::assert_last_event(
			Event::Transferred { asset: ASSET, from: ALICE, to: BOB, amount: 300 }.into(),
		);
		// Emptying a holding removes a holder.
		assert_ok!(transfer(BOB, CHARLIE, 300));
		assert_eq!(holders(), 2);
		assert_ok!(transfer(ALICE, CHARLIE, 700));
		assert_eq!(holders(), 1);
	});
}

#[test]
fn basic_refusals_are_named() {
	ext_with_asset().execute_with(|| {
		assert_refused(99, ALICE, BOB, 1, Error::<Test>::UnknownAsset);
		assert_refused(ASSET, ALICE, BOB, 0, Error::<Test>::ZeroAmount);
		assert_refused(ASSET, ALICE, ALICE, 1, Error::<Test>::SelfTransfer);
	});
}

#[test]
fn every_compliance_failure_has_its_own_error_per_side() {
	use ComplianceFailure::*;
	let failures = [
		(NotRegistered, Error::<Test>::SenderNotRegistered, Error::<Test>::ReceiverNotRegistered),
		(Pending, Error::<Test>::SenderPending, Error::<Test>::ReceiverPending),
		(Revoked, Error::<Test>::SenderRevoked, Error::<Test>::ReceiverRevoked),
		(Expired, Error::<Test>::SenderExpired, Error::<Test>::ReceiverExpired),
		(Sanctioned, Error::<Test>::SenderSanctioned, Error::<Test>::ReceiverSanctioned),
		(
			JurisdictionBlocked,
			Error::<Test>::SenderJurisdictionBlocked,
			Error::<Test>::ReceiverJurisdictionBlocked,
		),
	];
	for (failure, sender_error, receiver_error) in failures {
		ext_with_asset().execute_with(|| {
			set_failure(ALICE, Some(failure));
			assert_refused(ASSET, ALICE, BOB, 1, sender_error);
		});
		ext_with_asset().execute_with(|| {
			set_failure(BOB, Some(failure));
			assert_refused(ASSET, ALICE, BOB, 1, receiver_error);
		});
	}
}

/// A repair step: changes one field of the asset's current rules.
fn relax(change: fn(&mut RulesInputOf<Test>)) -> Box<dyn Fn()> {
	Box::new(move || {
		let stored = Rules::<Test>::get(ASSET).expect("asset has rules");
		let mut rules = AssetRules {
			max_holders: stored.max_holders,
			max_balance: stored.max_balance,
			allowed_jurisdictions: stored.allowed_jurisdictions.to_vec(),
			blocked_jurisdictions: stored.blocked_jurisdictions.to_vec(),
			min_category: stored.min_category,
			lockup_until: stored.lockup_until,
		};
		change(&mut rules);
		set_rules(rules);
	})
}

/// Every check broken at once; repairing them one by one reveals them in the
/// documented order, with `can_transfer` agreeing at each step.
#[test]
fn checks_run_in_the_documented_order() {
	ext_with_asset().execute_with(|| {
		let strict = AssetRules {
			max_holders: Some(1),
			max_balance: Some(100),
			allowed_jurisdictions: vec![FR],
			blocked_jurisdictions: vec![DE],
			min_category: Some(InvestorCategory::Professional),
			lockup_until: Some(START + 10),
		};
		set_rules(strict);
		freeze(ASSET, ALICE, 950);
		breaker(|b| {
			b.global = true;
			b.paused_assets.insert(ASSET);
			b.tripped.insert(OperationKind::AssetTransfer);
		});
		set_address_frozen(BOB, true);
		set_failure(ALICE, Some(ComplianceFailure::Sanctioned));
		set_failure(BOB, Some(ComplianceFailure::Expired));

		let steps: Vec<(Error<Test>, Box<dyn Fn()>)> = vec![
			(Error::<Test>::ChainPaused, Box::new(|| breaker(|b| b.global = false))),
			(
				Error::<Test>::AssetPaused,
				Box::new(|| {
					breaker(|b| {
						b.paused_assets.clear();
					})
				}),
			),
			(Error::<Test>::AddressFrozen, Box::new(|| set_address_frozen(BOB, false))),
			(Error::<Test>::SenderSanctioned, Box::new(|| set_failure(ALICE, None))),
			(Error::<Test>::ReceiverExpired, Box::new(|| set_failure(BOB, None))),
			(Error::<Test>::LockedUp, Box::new(|| set_now(START + 10))),
			(Error::<Test>::ReceiverJurisdictionNotAllowed, relax(|r| r.allowed_jurisdictions.clear())),
			(Error::<Test>::ReceiverJurisdictionBlockedForAsset, relax(|r| r.blocked_jurisdictions.clear())),
			(
				Error::<Test>::ReceiverCategoryTooLow,
				relax(|r| r.min_category = Some(InvestorCategory::Retail)),
			),
			(Error::<Test>::MaxHoldersReached, relax(|r| r.max_holders = Some(2))),
			(Error::<Test>::MaxBalanceExceeded, relax(|r| r.max_balance = Some(101))),
			(
				Error::<Test>::InsufficientSpendableBalance,
				Box::new(|| {
					unfreeze(ASSET, ALICE, 51);
				}),
			),
			(
				Error::<Test>::Throttled,
				Box::new(|| {
					breaker(|b| {
						b.tripped.clear();
					})
				}),
			),
		];
		for (error, repair) in steps {
			assert_refused(ASSET, ALICE, BOB, 101, error);
			repair();
		}
		assert_ok!(CompliantAssets::can_transfer(ASSET, &ALICE, &BOB, 101));
		assert_ok!(transfer(ALICE, BOB, 101));
	});
}

#[test]
fn asset_rules_have_exact_boundaries() {
	ext_with_asset().execute_with(|| {
		// Lock-up ends exactly at `lockup_until`.
		set_rules(AssetRules { lockup_until: Some(START + 60), ..Default::default() });
		set_now(START + 59);
		assert_refused(ASSET, ALICE, BOB, 1, Error::<Test>::LockedUp);
		set_now(START + 60);
		assert_ok!(transfer(ALICE, BOB, 1));

		// The balance cap is inclusive.
		set_rules(AssetRules { max_balance: Some(100), ..Default::default() });
		assert_refused(ASSET, ALICE, BOB, 100, Error::<Test>::MaxBalanceExceeded);
		assert_ok!(transfer(ALICE, BOB, 99));
		assert_eq!(balance(BOB), 100);

		// Allowed list admits exactly its members; the category floor its level and above.
		set_rules(AssetRules {
			allowed_jurisdictions: vec![DE],
			min_category: Some(InvestorCategory::Professional),
			..Default::default()
		});
		assert_refused(ASSET, ALICE, CHARLIE, 1, Error::<Test>::ReceiverJurisdictionNotAllowed);
		assert_refused(ASSET, ALICE, BOB, 1, Error::<Test>::ReceiverCategoryTooLow);
		assert_ok!(transfer(BOB, ALICE, 1));
	});
}

#[test]
fn holder_cap_counts_only_new_holders() {
	ext_with_asset().execute_with(|| {
		assert_ok!(transfer(ALICE, BOB, 100));
		set_rules(AssetRules { max_holders: Some(2), ..Default::default() });
		// A third holder is refused.
		assert_refused(ASSET, ALICE, CHARLIE, 1, Error::<Test>::MaxHoldersReached);
		// Existing holders still trade with each other.
		assert_ok!(transfer(ALICE, BOB, 1));
		// A holding changing hands entirely does not raise the count.
		assert_ok!(transfer(BOB, CHARLIE, 101));
		assert_eq!(holders(), 2);
		assert_eq!(balance(BOB), 0);
	});
}

#[test]
fn frozen_amount_limits_a_transfer_to_the_spendable_amount() {
	ext_with_asset().execute_with(|| {
		freeze(ASSET, ALICE, 600);
		assert_refused(ASSET, ALICE, BOB, 401, Error::<Test>::InsufficientSpendableBalance);
		assert_ok!(transfer(ALICE, BOB, 400));
		assert_refused(ASSET, ALICE, BOB, 1, Error::<Test>::InsufficientSpendableBalance);
		assert_eq!((balance(ALICE), frozen(ASSET, ALICE)), (600, 600));
		// An address-level freeze stops the holder outright, by name.
		set_address_frozen(BOB, true);
		assert_refused(ASSET, BOB, ALICE, 1, Error::<Test>::AddressFrozen);
	});
}

#[test]
fn breaker_refusals_are_named() {
	ext_with_asset().execute_with(|| {
		breaker(|b| b.global = true);
		assert_refused(ASSET, ALICE, BOB, 1, Error::<Test>::ChainPaused);
		breaker(|b| {
			b.global = false;
			b.paused_assets.insert(ASSET);
		});
		assert_refused(ASSET, ALICE, BOB, 1, Error::<Test>::AssetPaused);
		breaker(|b| {
			b.paused_assets.clear();
		});
		set_address_frozen(ALICE, true);
		assert_refused(ASSET, ALICE, BOB, 1, Error::<Test>::AddressFrozen);
		set_address_frozen(ALICE, false);
		set_address_frozen(BOB, true);
		assert_refused(ASSET, ALICE, BOB, 1, Error::<Test>::AddressFrozen);
		set_address_frozen(BOB, false);
		breaker(|b| {
			b.exhausted.insert(ALICE);
		});
		assert_refused(ASSET, ALICE, BOB, 1, Error::<Test>::AccountLimitReached);
		// Only Alice's window is full: Bob still sends.
		mint(BOB, 1);
		assert_ok!(transfer(BOB, CHARLIE, 1));
		breaker(|b| {
			b.tripped.insert(OperationKind::AssetTransfer);
		});
		assert_refused(ASSET, ALICE, BOB, 1, Error::<Test>::Throttled);
	});
}

// ---- batches ------------------------------------------------------------------

#[test]
fn batch_transfer_is_all_or_nothing() {
	ext_with_asset().execute_with(|| {
		let batch = |legs: Vec<(u64, u64)>| {
			CompliantAssets::batch_transfer(RuntimeOrigin::signed(ALICE), ASSET, legs)
		};
		// The last leg is refused: nothing moves.
		assert_noop!(
			batch(vec![(BOB, 10), (CHARLIE, 10), (NOBODY, 10)]),
			Error::<Test>::ReceiverNotRegistered
		);
		// Legs are checked against what earlier legs left.
		assert_noop!(batch(vec![(BOB, 600), (CHARLIE, 600)]), Error::<Test>::InsufficientSpendableBalance);
		assert_noop!(batch(vec![]), Error::<Test>::EmptyBatch);
		assert_noop!(batch(vec![(BOB, 1); 5]), Error::<Test>::BatchTooLarge);
		assert_ok!(batch(vec![(BOB, 10), (CHARLIE, 20), (DAVE, 30), (BOB, 40)]));
		assert_eq!((balance(ALICE), balance(BOB), balance(CHARLIE), balance(DAVE)), (900, 50, 20, 30));
		assert_eq!(holders(), 4);
		for (to, amount) in [(BOB, 10), (CHARLIE, 20), (DAVE, 30), (BOB, 40)] {
			System::assert_has_event(Event::Transferred { asset: ASSET, from: ALICE, to, amount }.into());
		}
	});
}

// ---- supply -------------------------------------------------------------------

#[test]
fn mint_checks_the_receiver_side() {
	ext_with_asset().execute_with(|| {
		let mint_to = |to: u64, amount: u64| {
			CompliantAssets::mint(RuntimeOrigin::signed(SUPPLY_AGENT), ASSET, to, amount)
		};
		assert_noop!(
			CompliantAssets::mint(RuntimeOrigin::signed(SUPPLY_AGENT), 99, BOB, 1),
			Error::<Test>::MissingAgentRole
		);
		assert_noop!(mint_to(BOB, 0), Error::<Test>::ZeroAmount);
		assert_noop!(mint_to(NOBODY, 1), Error::<Test>::ReceiverNotRegistered);
		set_failure(BOB, Some(ComplianceFailure::Revoked));
		assert_noop!(mint_to(BOB, 1), Error::<Test>::ReceiverRevoked);
		set_failure(BOB, None);
		set_rules(AssetRules { min_category: Some(InvestorCategory::Professional), ..Default::default() });
		assert_noop!(mint_to(BOB, 1), Error::<Test>::ReceiverCategoryTooLow);
		set_rules(AssetRules { max_holders: Some(1), ..Default::default() });
		assert_noop!(mint_to(BOB, 1), Error::<Test>::MaxHoldersReached);
		set_rules(AssetRules { max_balance: Some(1_000), ..Default::default() });
		assert_noop!(mint_to(ALICE, 1), Error::<Test>::MaxBalanceExceeded);
		set_rules(AssetRules { blocked_jurisdictions: vec![US], ..Default::default() });
		assert_noop!(mint_to(DAVE, 1), Error::<Test>::ReceiverJurisdictionBlockedForAsset);
		// Lock-up does not stop issuance.
		set_rules(AssetRules { lockup_until: Some(START + 1_000), ..Default::default() });
		breaker(|b| {
			b.paused_assets.insert(ASSET);
		});
		assert_noop!(mint_to(BOB, 1), Error::<Test>::AssetPaused);
		breaker(|b| {
			b.paused_assets.clear();
			b.tripped.insert(OperationKind::Mint);
		});
		assert_noop!(mint_to(BOB, 1), Error::<Test>::Throttled);
		breaker(|b| {
			b.tripped.clear();
		});
		assert_noop!(mint_to(BOB, u64::MAX), Error::<Test>::SupplyOverflow);
		assert_ok!(mint_to(BOB, 5));
		assert_eq!((balance(BOB), holders()), (5, 2));
		System::assert_last_event(
			Event::Minted { asset: ASSET, to: BOB, amount: 5, agent: SUPPLY_AGENT }.into(),
		);
	});
}

#[test]
fn burn_takes_only_the_spendable_amount() {
	ext_with_asset().execute_with(|| {
		let burn = |from: u64, amount: u64| {
			CompliantAssets::burn(RuntimeOrigin::signed(SUPPLY_AGENT), ASSET, from, amount)
		};
		freeze(ASSET, ALICE, 400);
		assert_noop!(burn(ALICE, 0), Error::<Test>::ZeroAmount);
		assert_noop!(burn(ALICE, 601), Error::<Test>::InsufficientSpendableBalance);
		breaker(|b| {
			b.tripped.insert(OperationKind::Burn);
		});
		assert_noop!(burn(ALICE, 1), Error::<Test>::Throttled);
		breaker(|b| {
			b.tripped.clear();
			b.paused_assets.insert(ASSET);
		});
		assert_noop!(burn(ALICE, 1), Error::<Test>::AssetPaused);
		breaker(|b| {
			b.paused_assets.clear();
		});
		assert_ok!(burn(ALICE, 600));
		assert_eq!((balance(ALICE), AssetsPallet::total_supply(ASSET)), (400, 400));
		System::assert_last_event(
			Event::Burned { asset: ASSET, from: ALICE, amount: 600, agent: SUPPLY_AGENT }.into(),
		);
		unfreeze(ASSET, ALICE, 400);
		assert_ok!(burn(ALICE, 400));
		assert_eq!(holders(), 0);
	});
}

// ---- agents -------------------------------------------------------------------

#[test]
fn freeze_and_forced_transfer_roles_are_never_combined() {
	ext_with_asset().execute_with(|| {
		let add =
			|who: u64, bits: u8| CompliantAssets::add_agent(RuntimeOrigin::signed(ADMIN), ASSET, who, bits);
		let both = AgentRoles::from_roles(&[AgentRole::Freeze, AgentRole::ForcedTransfer]).bits();
		assert_noop!(add(BOB, both), Error::<Test>::FreezeAndForcedTransferCombined);
		let all = AgentRoles::from_roles(&AgentRole::ALL).bits();
		assert_noop!(add(BOB, all), Error::<Test>::FreezeAndForcedTransferCombined);
		// Re-appointing the freeze agent with forced transfer is refused too.
		let escalated =
			AgentRoles::from_roles(&[AgentRole::Freeze, AgentRole::ForcedTransfer, AgentRole::Supply]).bits();
		assert_noop!(add(FREEZE_AGENT, escalated), Error::<Test>::FreezeAndForcedTransferCombined);
		assert_noop!(add(BOB, 0), Error::<Test>::NoAgentRoles);
		assert_noop!(add(BOB, 1 << 4), Error::<Test>::UnknownAgentRole);
		assert_noop!(
			add(NOBODY, AgentRoles::from_roles(&[AgentRole::Supply]).bits()),
			Error::<Test>::AgentNotVerified
		);
		assert_noop!(
			CompliantAssets::add_agent(RuntimeOrigin::signed(ADMIN), 99, BOB, 1),
			Error::<Test>::UnknownAsset
		);
		// Freeze with supply and recovery is fine; roles are replaced, not merged.
		let roles = AgentRoles::from_roles(&[AgentRole::Freeze, AgentRole::Supply, AgentRole::Recovery]);
		assert_ok!(add(BOB, roles.bits()));
		System::assert_last_event(Event::AgentAppointed { asset: ASSET, who: BOB, roles }.into());
		let recovery_only = AgentRoles::from_roles(&[AgentRole::Recovery]);
		assert_ok!(add(BOB, recovery_only.bits()));
		assert_eq!(crate::Agents::<Test>::get(ASSET, BOB), Some(recovery_only));
		assert_ok!(CompliantAssets::remove_agent(RuntimeOrigin::signed(ADMIN), ASSET, BOB));
		System::assert_last_event(Event::AgentRemoved { asset: ASSET, who: BOB }.into());
		assert_noop!(
			CompliantAssets::remove_agent(RuntimeOrigin::signed(ADMIN), ASSET, BOB),
			Error::<Test>::NotAnAgent
		);
	});
}

/// Who may call what: each privileged call succeeds for its one origin and
/// refuses every other role with a named error (or `BadOrigin` for non-signed
/// origins and for the admin calls).
#[test]
fn each_privileged_call_refuses_every_other_role() {
	#[derive(Clone, Copy, Debug, PartialEq)]
	enum Who {
		Admin,
		Supply,
		Freeze,
		Forced,
		Recovery,
		Holder,
		Root,
		Unsigned,
	}
	let origin = |who: Who| match who {
		Who::Admin => RuntimeOrigin::signed(ADMIN),
		Who::Supply => RuntimeOrigin::signed(SUPPLY_AGENT),
		Who::Freeze => RuntimeOrigin::signed(FREEZE_AGENT),
		Who::Forced => RuntimeOrigin::signed(ENFORCER),
		Who::Recovery => RuntimeOrigin::signed(RECOVERY_AGENT),
		Who::Holder => RuntimeOrigin::signed(ALICE),
		Who::Root => RuntimeOrigin::root(),
		Who::Unsigned => RuntimeOrigin::none(),
	};
	type Call = fn(RuntimeOrigin) -> DispatchResult;
	let calls: [(&str, Who, Call); 11] = [
		("create_asset", Who::Admin, |o| {
			CompliantAssets::create_asset(o, 8, b"U".to_vec(), b"U".to_vec(), 6, AssetRules::default())
		}),
		("set_rules", Who::Admin, |o| CompliantAssets::set_rules(o, ASSET, AssetRules::default())),
		("add_agent", Who::Admin, |o| CompliantAssets::add_agent(o, ASSET, BOB, 1)),
		("remove_agent", Who::Admin, |o| CompliantAssets::remove_agent(o, ASSET, SUPPLY_AGENT)),
		("set_document", Who::Admin, |o| {
			CompliantAssets::set_document(o, ASSET, b"terms".to_vec(), b"ipfs://x".to_vec(), [1; 32])
		}),
		("remove_document", Who::Admin, |o| CompliantAssets::remove_document(o, ASSET, b"kiid".to_vec())),
		("mint", Who::Supply, |o| CompliantAssets::mint(o, ASSET, BOB, 10)),
		("burn", Who::Supply, |o| CompliantAssets::burn(o, ASSET, ALICE, 10)),
		("forced_transfer", Who::Forced, |o| CompliantAssets::forced_transfer(o, ASSET, ALICE, BOB, 10)),
		("recover", Who::Recovery, |o| CompliantAssets::recover(o, ASSET, ALICE, ALICE_NEW)),
		("set_recovery_link", Who::Admin, |o| CompliantAssets::set_recovery_link(o, ASSET, BOB, Some(BOB_NEW))),
	];
	let everyone = [
		Who::Admin,
		Who::Supply,
		Who::Freeze,
		Who::Forced,
		Who::Recovery,
		Who::Holder,
		Who::Root,
		Who::Unsigned,
	];
	for (name, allowed, call) in calls {
		ext_with_asset().execute_with(|| {
			assert_ok!(CompliantAssets::set_document(
				RuntimeOrigin::signed(ADMIN),
				ASSET,
				b"kiid".to_vec(),
				b"ipfs://k".to_vec(),
				[2; 32]
			));
			for who in everyone.into_iter().filter(|who| *who != allowed) {
				let expected: DispatchError = match (allowed, who) {
					(Who::Admin, _) | (_, Who::Root | Who::Unsigned) => DispatchError::BadOrigin,
					_ => Error::<Test>::MissingAgentRole.into(),
				};
				assert_noop!(call(origin(who)), expected);
			}
			assert!(call(origin(allowed)).is_ok(), "{name} must accept {allowed:?}");
		});
	}
}

#[test]
fn an_agent_whose_identity_lapsed_cannot_act() {
	ext_with_asset().execute_with(|| {
		set_failure(SUPPLY_AGENT, Some(ComplianceFailure::Expired));
		assert_noop!(
			CompliantAssets::mint(RuntimeOrigin::signed(SUPPLY_AGENT), ASSET, BOB, 1),
			Error::<Test>::AgentNotVerified
		);
	});
}

parameter_types! {
	pub const FreezeRole: AgentRole = AgentRole::Freeze;
	pub const ForcedTransferRole: AgentRole = AgentRole::ForcedTransfer;
}

#[test]
fn ensure_asset_agent_accepts_only_verified_agents_with_the_role() {
	ext_with_asset().execute_with(|| {
		type FreezeOrigin = EnsureAssetAgent<Test, FreezeRole>;
		type ConfiscateOrigin = EnsureAssetAgent<Test, ForcedTransferRole>;
		assert_eq!(
			FreezeOrigin::try_origin(RuntimeOrigin::signed(FREEZE_AGENT), &ASSET).ok(),
			Some(FREEZE_AGENT)
		);
		assert_eq!(
			ConfiscateOrigin::try_origin(RuntimeOrigin::signed(ENFORCER), &ASSET).ok(),
			Some(ENFORCER)
		);
		for who in [ENFORCER, SUPPLY_AGENT, RECOVERY_AGENT, ALICE, ADMIN] {
			assert!(FreezeOrigin::try_origin(RuntimeOrigin::signed(who), &ASSET).is_err());
		}
		assert!(ConfiscateOrigin::try_origin(RuntimeOrigin::signed(FREEZE_AGENT), &ASSET).is_err());
		assert!(FreezeOrigin::try_origin(RuntimeOrigin::root(), &ASSET).is_err());
		assert!(FreezeOrigin::try_origin(RuntimeOrigin::signed(FREEZE_AGENT), &99).is_err());
		set_failure(FREEZE_AGENT, Some(ComplianceFailure::Revoked));
		assert!(FreezeOrigin::try_origin(RuntimeOrigin::signed(FREEZE_AGENT), &ASSET).is_err());
	});
}

// ---- documents ----------------------------------------------------------------

#[test]
fn documents_are_bounded_and_evented() {
	ext_with_asset().execute_with(|| {
		let set = |name: &[u8], uri: &[u8], hash: u8| {
			CompliantAssets::set_document(
				RuntimeOrigin::signed(ADMIN),
				ASSET,
				name.to_vec(),
				uri.to_vec(),
				[hash; 32],
			)
		};
		assert_noop!(set(b"", b"u", 1), Error::<Test>::EmptyDocumentName);
		assert_noop!(set(b"123456789", b"u", 1), Error::<Test>::DocumentNameTooLong);
		assert_noop!(set(b"terms", &[b'u'; 33], 1), Error::<Test>::UriTooLong);
		assert_noop!(
			CompliantAssets::set_document(
				RuntimeOrigin::signed(ADMIN),
				99,
				b"terms".to_vec(),
				b"u".to_vec(),
				[1; 32]
			),
			Error::<Test>::UnknownAsset
		);
		assert_ok!(set(b"12345678", &[b'u'; 32], 1));
		assert_ok!(set(b"terms", b"ipfs://a", 2));
		assert_eq!(DocumentCount::<Test>::get(ASSET), 2);
		assert_noop!(set(b"kiid", b"ipfs://b", 3), Error::<Test>::TooManyDocuments);
		// Replacing a document does not count against the bound.
		set_now(START + 100);
		assert_ok!(set(b"terms", b"ipfs://c", 4));
		assert_eq!(DocumentCount::<Test>::get(ASSET), 2);
		let name: crate::DocumentNameOf<Test> = b"terms".to_vec().try_into().expect("short");
		let document = Documents::<Test>::get(ASSET, &name).expect("stored");
		assert_eq!(
			(document.uri.to_vec(), document.hash, document.updated_at),
			(b"ipfs://c".to_vec(), [4; 32], START + 100)
		);
		System::assert_last_event(
			Event::DocumentSet { asset: ASSET, name: name.clone(), uri: document.uri, hash: [4; 32] }.into(),
		);
		assert_ok!(CompliantAssets::remove_document(RuntimeOrigin::signed(ADMIN), ASSET, b"terms".to_vec()));
		System::assert_last_event(Event::DocumentRemoved { asset: ASSET, name }.into());
		assert_eq!(DocumentCount::<Test>::get(ASSET), 1);
		assert_noop!(
			CompliantAssets::remove_document(RuntimeOrigin::signed(ADMIN), ASSET, b"terms".to_vec()),
			Error::<Test>::UnknownDocument
		);
		assert_ok!(set(b"kiid", b"ipfs://b", 3));
	});
}

// ---- forced transfer and recovery ---------------------------------------------

#[test]
fn forced_transfer_releases_only_the_frozen_shortfall() {
	ext_with_asset().execute_with(|| {
		freeze(ASSET, ALICE, 900);
		// Within the spendable amount nothing is released.
		assert_ok!(forced(ALICE, BOB, 50));
		System::assert_last_event(
			Event::ForcedTransfer {
				asset: ASSET,
				from: ALICE,
				to: BOB,
				amount: 50,
				released: 0,
				agent: ENFORCER,
			}
			.into(),
		);
		assert_eq!(frozen(ASSET, ALICE), 900);
		// 50 spendable left: 250 more must be released.
		assert_ok!(forced(ALICE, BOB, 300));
		System::assert_last_event(
			Event::ForcedTransfer {
				asset: ASSET,
				from: ALICE,
				to: BOB,
				amount: 300,
				released: 250,
				agent: ENFORCER,
			}
			.into(),
		);
		assert_eq!((balance(ALICE), frozen(ASSET, ALICE), balance(BOB)), (650, 650, 350));
		// The ordinary path still cannot touch the rest.
		assert_refused(ASSET, ALICE, BOB, 1, Error::<Test>::InsufficientSpendableBalance);
		assert_ok!(forced(ALICE, CHARLIE, 650));
		assert_eq!((balance(ALICE), frozen(ASSET, ALICE), holders()), (0, 0, 2));
	});
}

#[test]
fn forced_transfer_refusals_are_named() {
	ext_with_asset().execute_with(|| {
		assert_noop!(forced(ALICE, BOB, 0), Error::<Test>::ZeroAmount);
		assert_noop!(forced(ALICE, ALICE, 1), Error::<Test>::SelfTransfer);
		assert_noop!(forced(ALICE, BOB, 1_001), Error::<Test>::InsufficientBalance);
		assert_noop!(forced(ALICE, NOBODY, 1), Error::<Test>::ReceiverNotRegistered);
		set_failure(BOB, Some(ComplianceFailure::Sanctioned));
		assert_noop!(forced(ALICE, BOB, 1), Error::<Test>::ReceiverSanctioned);
		set_failure(BOB, None);
		set_address_frozen(BOB, true);
		assert_noop!(forced(ALICE, BOB, 1), Error::<Test>::AddressFrozen);
		set_address_frozen(BOB, false);
		set_rules(AssetRules { max_balance: Some(10), ..Default::default() });
		assert_noop!(forced(ALICE, BOB, 11), Error::<Test>::MaxBalanceExceeded);
		// An address-level freeze the freeze pallet will not release.
		set_address_frozen(ALICE, true);
		assert_noop!(forced(ALICE, BOB, 1), Error::<Test>::FrozenAmountNotReleased);
	});
}

#[test]
fn recovery_moves_balance_and_freezes_to_the_new_wallet() {
	ext_with_asset().execute_with(|| {
		freeze(ASSET, ALICE, 400);
		// Alice's new wallet is in FR but carries her LEI.
		assert_ok!(CompliantAssets::recover(RuntimeOrigin::signed(RECOVERY_AGENT), ASSET, ALICE, ALICE_NEW));
		System::assert_last_event(
			Event::WalletRecovered {
				asset: ASSET,
				lost: ALICE,
				new: ALICE_NEW,
				amount: 1_000,
				frozen: 400,
				agent: RECOVERY_AGENT,
			}
			.into(),
		);
		assert_eq!((balance(ALICE), balance(ALICE_NEW)), (0, 1_000));
		assert_eq!((frozen(ASSET, ALICE), frozen(ASSET, ALICE_NEW)), (0, 400));
		assert_eq!(holders(), 1);
		// The frozen part stays frozen on the new wallet.
		assert_refused(ASSET, ALICE_NEW, BOB, 601, Error::<Test>::InsufficientSpendableBalance);
		assert_ok!(transfer(ALICE_NEW, BOB, 600));
		// A natural person without LEI: only governance's link lets the
		// agent move the holding, and only to the linked wallet.
		let recover_bob = || CompliantAssets::recover(RuntimeOrigin::signed(RECOVERY_AGENT), ASSET, BOB, BOB_NEW);
		assert_noop!(recover_bob(), Error::<Test>::RecoveryTargetMismatch);
		assert_ok!(CompliantAssets::set_recovery_link(RuntimeOrigin::signed(ADMIN), ASSET, BOB, Some(BOB_NEW)));
		System::assert_last_event(Event::RecoveryLinkSet { asset: ASSET, lost: BOB, new: Some(BOB_NEW) }.into());
		assert_ok!(recover_bob());
		assert_eq!((balance(BOB), balance(BOB_NEW), holders()), (0, 600, 2));
		// The link served that recovery: what Bob's old wallet receives later
		// needs a new decision.
		assert_eq!(crate::RecoveryLinks::<Test>::get(ASSET, BOB), None);
		mint(BOB, 5);
		assert_noop!(recover_bob(), Error::<Test>::RecoveryTargetMismatch);
	});
}

#[test]
fn recovery_refusals_are_named() {
	ext_with_asset().execute_with(|| {
		let recover = |lost: u64, new: u64| {
			CompliantAssets::recover(RuntimeOrigin::signed(RECOVERY_AGENT), ASSET, lost, new)
		};
		assert_noop!(recover(ALICE, ALICE), Error::<Test>::SelfTransfer);
		assert_noop!(recover(BOB, BOB_NEW), Error::<Test>::NothingToRecover);
		// Nobody, Dave and Bob are other legal entities, Bob although
		// verified in Alice's jurisdiction: a shared country links nobody.
		for stranger in [NOBODY, DAVE, BOB] {
			assert_noop!(recover(ALICE, stranger), Error::<Test>::RecoveryTargetMismatch);
		}
		// The lost wallet: not frozen, not sanctioned (even when also
		// revoked), not in a lock-up.
		set_address_frozen(ALICE, true);
		assert_noop!(recover(ALICE, ALICE_NEW), Error::<Test>::LostWalletAddressFrozen);
		set_address_frozen(ALICE, false);
		set_failure(ALICE, Some(ComplianceFailure::Revoked));
		set_sanctioned(ALICE, true);
		assert_noop!(recover(ALICE, ALICE_NEW), Error::<Test>::LostWalletSanctioned);
		set_sanctioned(ALICE, false);
		set_blocked(DE, true);
		assert_noop!(recover(ALICE, ALICE_NEW), Error::<Test>::LostWalletJurisdictionBlocked);
		set_blocked(DE, false);
		set_rules(AssetRules { lockup_until: Some(START + 1), ..Default::default() });
		assert_noop!(recover(ALICE, ALICE_NEW), Error::<Test>::LockedUp);
		set_rules(AssetRules::default());
		// The lost wallet's identity may be revoked; the new one must pass.
		set_failure(ALICE_NEW, Some(ComplianceFailure::Pending));
		assert_noop!(recover(ALICE, ALICE_NEW), Error::<Test>::ReceiverPending);
		set_failure(ALICE_NEW, None);
		assert_ok!(recover(ALICE, ALICE_NEW));
	});
}

#[test]
fn recovery_links_are_governance_records() {
	ext_with_asset().execute_with(|| {
		let link = |lost: u64, new: Option<u64>| {
			CompliantAssets::set_recovery_link(RuntimeOrigin::signed(ADMIN), ASSET, lost, new)
		};
		assert_noop!(link(BOB, Some(BOB)), Error::<Test>::SelfTransfer);
		assert_noop!(link(BOB, Some(NOBODY)), Error::<Test>::ReceiverNotRegistered);
		assert_noop!(link(BOB, None), Error::<Test>::NoRecoveryLink);
		assert_noop!(
			CompliantAssets::set_recovery_link(RuntimeOrigin::signed(ADMIN), 99, BOB, Some(BOB_NEW)),
			Error::<Test>::UnknownAsset
		);
		assert_ok!(link(BOB, Some(CHARLIE)));
		// Re-pointing replaces the link; only the linked wallet qualifies.
		assert_ok!(link(BOB, Some(BOB_NEW)));
		assert_eq!(crate::RecoveryLinks::<Test>::get(ASSET, BOB), Some(BOB_NEW));
		assert_ok!(link(BOB, None));
		System::assert_last_event(Event::RecoveryLinkSet { asset: ASSET, lost: BOB, new: None }.into());
		assert_eq!(crate::RecoveryLinks::<Test>::get(ASSET, BOB), None);
	});
}

// ---- genesis ----------------------------------------------------------------------

fn genesis_eurd(holdings: Vec<(u64, u64)>, agents: Vec<(u64, Vec<AgentRole>)>) -> crate::GenesisConfig<Test> {
	crate::GenesisConfig::<Test> {
		assets: vec![crate::GenesisAsset {
			id: 5,
			name: b"EUR".to_vec(),
			symbol: b"EURD".to_vec(),
			decimals: 2,
			rules: AssetRules { max_holders: Some(2), ..Default::default() },
			agents,
			holdings,
			documents: vec![(b"terms".to_vec(), b"https://x.org/t".to_vec(), [7; 32])],
		}],
	}
}

#[test]
fn genesis_assets_are_permissioned_with_their_agents_and_holdings() {
	new_test_ext().execute_with(|| {
		use frame_support::traits::BuildGenesisConfig;
		let agents = vec![(SUPPLY_AGENT, vec![AgentRole::Supply]), (FREEZE_AGENT, vec![AgentRole::Freeze])];
		genesis_eurd(vec![(ALICE, 1_000), (BOB, 500)], agents).build();
		assert!(<CompliantAssets as ComplianceTransfer<u64, u32, u64>>::is_permissioned(&5));
		assert_eq!(crate::Profiles::<Test>::get(5).map(|p| p.symbol.into_inner()), Some(b"EURD".to_vec()));
		assert_eq!((AssetsPallet::balance(5, ALICE), AssetsPallet::balance(5, BOB)), (1_000, 500));
		assert_eq!(crate::HolderCount::<Test>::get(5), 2);
		assert_eq!(
			<CompliantAssets as tokenize_primitives::AssetHoldings<u64, u32, u64>>::document_hash(&5, b"terms"),
			Some([7; 32])
		);
		assert!(CompliantAssets::is_active_agent(&5, &SUPPLY_AGENT, AgentRole::Supply));
		assert!(CompliantAssets::is_active_agent(&5, &FREEZE_AGENT, AgentRole::Freeze));
		// The rules hold from the first block: a third holder is refused.
		assert_noop!(
			CompliantAssets::transfer(RuntimeOrigin::signed(ALICE), 5, CHARLIE, 1),
			Error::<Test>::MaxHoldersReached
		);
	});
}

#[test]
#[should_panic(expected = "ReceiverNotRegistered")]
fn a_genesis_holding_must_pass_the_receiver_checks() {
	new_test_ext().execute_with(|| {
		use frame_support::traits::BuildGenesisConfig;
		genesis_eurd(vec![(NOBODY, 1)], vec![]).build();
	});
}

#[test]
#[should_panic(expected = "FreezeAndForcedTransferCombined")]
fn genesis_agents_keep_the_separation_of_duties() {
	new_test_ext().execute_with(|| {
		use frame_support::traits::BuildGenesisConfig;
		genesis_eurd(vec![], vec![(FREEZE_AGENT, vec![AgentRole::Freeze, AgentRole::ForcedTransfer])]).build();
	});
}

// ---- the cross-pallet trait -----------------------------------------------------

#[test]
fn compliance_transfer_serves_other_pallets() {
	ext_with_asset().execute_with(|| {
		type Ct = CompliantAssets;
		assert!(<Ct as ComplianceTransfer<u64, u32, u64>>::is_permissioned(&ASSET));
		assert!(!<Ct as ComplianceTransfer<u64, u32, u64>>::is_permissioned(&99));
		assert_eq!(
			<Ct as ComplianceTransfer<u64, u32, u64>>::can_transfer(&ASSET, &ALICE, &NOBODY, 1),
			Err(Error::<Test>::ReceiverNotRegistered.into())
		);
		assert_ok!(<Ct as ComplianceTransfer<u64, u32, u64>>::transfer(&ASSET, &ALICE, &BOB, 100));
		assert_eq!(holders(), 2);
		// force_move skips the sender's rules but not the receiver's...
		set_failure(ALICE, Some(ComplianceFailure::Sanctioned));
		assert_ok!(<Ct as ComplianceTransfer<u64, u32, u64>>::force_move(&ASSET, &ALICE, &CHARLIE, 100));
		System::assert_last_event(
			Event::ForceMoved { asset: ASSET, from: ALICE, to: CHARLIE, amount: 100 }.into(),
		);
		assert_eq!(holders(), 3);
		assert_noop!(
			<Ct as ComplianceTransfer<u64, u32, u64>>::force_move(&ASSET, &ALICE, &NOBODY, 1),
			Error::<Test>::ReceiverNotRegistered
		);
		// ...and never touches what the caller did not release.
		freeze(ASSET, ALICE, 800);
		assert_noop!(
			<Ct as ComplianceTransfer<u64, u32, u64>>::force_move(&ASSET, &ALICE, &CHARLIE, 1),
			Error::<Test>::InsufficientSpendableBalance
		);
		unfreeze(ASSET, ALICE, 800);
		assert_ok!(<Ct as ComplianceTransfer<u64, u32, u64>>::force_move(&ASSET, &ALICE, &CHARLIE, 800));
		assert_eq!((balance(ALICE), holders()), (0, 2));
	});
}

#[test]
fn holder_count_is_exact_across_every_path() {
	ext_with_asset().execute_with(|| {
		let check = || assert_eq!(holders(), non_zero_holders());
		mint(BOB, 10);
		check();
		assert_ok!(transfer(BOB, CHARLIE, 10));
		check();
		assert_ok!(forced(CHARLIE, DAVE, 10));
		check();
		assert_ok!(CompliantAssets::recover(RuntimeOrigin::signed(RECOVERY_AGENT), ASSET, ALICE, ALICE_NEW));
		check();
		assert_ok!(<CompliantAssets as ComplianceTransfer<u64, u32, u64>>::force_move(
			&ASSET, &DAVE, &BOB, 10
		));
		check();
		assert_ok!(CompliantAssets::burn(RuntimeOrigin::signed(SUPPLY_AGENT), ASSET, BOB, 10));
		check();
		assert_ok!(CompliantAssets::batch_transfer(
			RuntimeOrigin::signed(ALICE_NEW),
			ASSET,
			vec![(ALICE, 1), (BOB, 1), (ALICE, 998)]
		));
		check();
		assert_eq!(holders(), 2);
	});
}

// ---- invariants -----------------------------------------------------------------

#[derive(Clone, Debug)]
enum Op {
	Mint(usize, u64),
	Burn(usize, u64),
	Transfer(usize, usize, u64),
	Batch(usize, Vec<(usize, u64)>),
	Forced(usize, usize, u64),
	Recover(usize, usize),
	/// Freezes up to the unfrozen part of the holding (the freeze pallet's rule).
	Freeze(usize, u64),
	Unfreeze(usize, u64),
}

fn op() -> impl Strategy<Value = Op> {
	let who = 0..HOLDERS.len();
	let amount = 0u64..700;
	prop_oneof![
		(who.clone(), amount.clone()).prop_map(|(w, a)| Op::Mint(w, a)),
		(who.clone(), amount.clone()).prop_map(|(w, a)| Op::Burn(w, a)),
		(who.clone(), who.clone(), amount.clone()).prop_map(|(f, t, a)| Op::Transfer(f, t, a)),
		(who.clone(), prop::collection::vec((who.clone(), amount.clone()), 1..4))
			.prop_map(|(f, legs)| Op::Batch(f, legs)),
		(who.clone(), who.clone(), amount.clone()).prop_map(|(f, t, a)| Op::Forced(f, t, a)),
		(who.clone(), who.clone()).prop_map(|(l, n)| Op::Recover(l, n)),
		(who.clone(), amount.clone()).prop_map(|(w, a)| Op::Freeze(w, a)),
		(who, amount).prop_map(|(w, a)| Op::Unfreeze(w, a)),
	]
}

/// Runs one operation; refusals are expected and returned.
fn apply(op: &Op) -> DispatchResult {
	let signed = RuntimeOrigin::signed;
	match op.clone() {
		Op::Mint(w, a) => CompliantAssets::mint(signed(SUPPLY_AGENT), ASSET, HOLDERS[w], a),
		Op::Burn(w, a) => CompliantAssets::burn(signed(SUPPLY_AGENT), ASSET, HOLDERS[w], a),
		Op::Transfer(f, t, a) => transfer(HOLDERS[f], HOLDERS[t], a),
		Op::Batch(f, legs) => outcome(batch_of(HOLDERS[f], legs.into_iter().map(|(t, a)| (HOLDERS[t], a)).collect())),
		Op::Forced(f, t, a) => forced(HOLDERS[f], HOLDERS[t], a),
		Op::Recover(l, n) => CompliantAssets::recover(signed(RECOVERY_AGENT), ASSET, HOLDERS[l], HOLDERS[n]),
		Op::Freeze(w, a) => {
			let who = HOLDERS[w];
			freeze(ASSET, who, a.min(balance(who).saturating_sub(frozen(ASSET, who))));
			Ok(())
		},
		Op::Unfreeze(w, a) => {
			unfreeze(ASSET, HOLDERS[w], a);
			Ok(())
		},
	}
}

fn total_frozen() -> u64 {
	HOLDERS.iter().map(|who| frozen(ASSET, *who)).sum()
}

/// Applies `ops` one by one, checking every invariant after each.
fn run_and_check(ops: &[Op]) {
	ext_with_asset().execute_with(|| {
		// Governance links each holder's wallet to the next one's.
		for (i, lost) in HOLDERS.iter().enumerate() {
			let new = HOLDERS[(i + 1) % HOLDERS.len()];
			assert_ok!(CompliantAssets::set_recovery_link(RuntimeOrigin::signed(ADMIN), ASSET, *lost, Some(new)));
		}
		for op in ops {
			let frozen_before = total_frozen();
			let root_before = sp_io::storage::root(sp_runtime::StateVersion::V1);
			let outcome = apply(op);
			if outcome.is_err() {
				assert_eq!(
					sp_io::storage::root(sp_runtime::StateVersion::V1),
					root_before,
					"{op:?} failed but changed state"
				);
			}
			let supply = AssetsPallet::total_supply(ASSET);
			let sum: u64 = HOLDERS.iter().map(|who| balance(*who)).sum();
			assert_eq!(supply, sum, "supply != sum of balances after {op:?}");
			assert_eq!(holders(), non_zero_holders(), "holder count drifted after {op:?}");
			for who in HOLDERS {
				assert!(
					balance(who) >= frozen(ASSET, who),
					"balance of {who} below its frozen amount after {op:?}"
				);
			}
			match op {
				Op::Forced(..) | Op::Unfreeze(..) => assert!(total_frozen() <= frozen_before),
				Op::Freeze(..) => assert!(total_frozen() >= frozen_before),
				// Recovery re-keys freezes, other movements never touch them.
				_ => assert_eq!(total_frozen(), frozen_before, "frozen amounts changed by {op:?}"),
			}
		}
	});
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(128))]

	/// Over random sequences of mints, burns, transfers, batches, forced
	/// transfers, recoveries and (mock) freezes: supply equals the sum of
	/// balances, the holder count equals the non-zero balances, no balance
	/// falls below its frozen amount, and frozen amounts shrink only by a
	/// forced transfer's release (or an unfreeze), never by anything else; a
	/// refused call changes no storage at all.
	#[test]
	fn supply_holders_and_freezes_stay_consistent(ops in prop::collection::vec(op(), 1..40)) {
		run_and_check(&ops);
	}
}

// ---- deposit tokens -----------------------------------------------------------

fn recover(lost: u64, new: u64) -> DispatchResult {
	CompliantAssets::recover(RuntimeOrigin::signed(RECOVERY_AGENT), ASSET, lost, new)
}

#[test]
fn provisional_deposit_tokens_move_on_no_path_and_the_refusal_says_why() {
	ext_with_asset().execute_with(|| {
		// Alice's 1 000: 300 frozen, 500 provisional, 200 free.
		freeze(ASSET, ALICE, 300);
		set_uncleared(ASSET, ALICE, 500);
		assert_refused(ASSET, ALICE, BOB, 201, Error::<Test>::UnclearedDeposit);
		assert_refused(ASSET, ALICE, BOB, 700, Error::<Test>::UnclearedDeposit);
		assert_refused(ASSET, ALICE, BOB, 701, Error::<Test>::InsufficientSpendableBalance);
		assert_noop!(
			CompliantAssets::batch_transfer(RuntimeOrigin::signed(ALICE), ASSET, vec![(BOB, 200), (CHARLIE, 1)]),
			Error::<Test>::UnclearedDeposit
		);
		assert_noop!(
			CompliantAssets::burn(RuntimeOrigin::signed(SUPPLY_AGENT), ASSET, ALICE, 201),
			Error::<Test>::UnclearedDeposit
		);
		assert_noop!(CompliantAssets::force_move(&ASSET, &ALICE, &BOB, 201), Error::<Test>::UnclearedDeposit);
		// A forced transfer may take the frozen part, never the provisional one.
		assert_noop!(forced(ALICE, BOB, 501), Error::<Test>::UnclearedDeposit);
		assert_ok!(forced(ALICE, BOB, 500));
		assert_eq!((balance(ALICE), frozen(ASSET, ALICE)), (500, 0));
		// A recovery moves the whole holding, so it waits for the clearing.
		assert_noop!(recover(ALICE, ALICE_NEW), Error::<Test>::UnclearedDeposit);
		set_uncleared(ASSET, ALICE, 0);
		assert_ok!(recover(ALICE, ALICE_NEW));
		assert_eq!(balance(ALICE_NEW), 500);
	});
}

#[test]
fn escrowed_payments_move_on_no_path_but_their_release_and_the_refusal_says_why() {
	ext_with_asset().execute_with(|| {
		// Alice's 1 000: 200 frozen, 100 provisional, 500 escrowed, 200 free.
		freeze(ASSET, ALICE, 200);
		set_uncleared(ASSET, ALICE, 100);
		set_escrowed(ASSET, ALICE, 500);
		assert_refused(ASSET, ALICE, BOB, 300, Error::<Test>::UnclearedDeposit);
		assert_refused(ASSET, ALICE, BOB, 301, Error::<Test>::EscrowedForPayment);
		assert_refused(ASSET, ALICE, BOB, 800, Error::<Test>::EscrowedForPayment);
		assert_refused(ASSET, ALICE, BOB, 801, Error::<Test>::InsufficientSpendableBalance);
		assert_noop!(CompliantAssets::force_move(&ASSET, &ALICE, &BOB, 301), Error::<Test>::EscrowedForPayment);
		// A forced transfer takes frozen amounts, never escrowed ones.
		assert_noop!(forced(ALICE, BOB, 401), Error::<Test>::EscrowedForPayment);
		assert_noop!(recover(ALICE, ALICE_NEW), Error::<Test>::UnclearedDeposit);
		set_uncleared(ASSET, ALICE, 0);
		assert_noop!(recover(ALICE, ALICE_NEW), Error::<Test>::EscrowedForPayment);
		// The rail lifts its hold for the release, and the amount moves.
		set_escrowed(ASSET, ALICE, 0);
		assert_ok!(CompliantAssets::force_move(&ASSET, &ALICE, &BOB, 500));
		// A frozen address is named as such, whatever else holds the amount back.
		set_address_frozen(ALICE, true);
		assert_noop!(CompliantAssets::force_move(&ASSET, &ALICE, &BOB, 1), Error::<Test>::AddressFrozen);
	});
}

#[test]
fn a_settlement_meets_every_transfer_rule_but_leaves_the_throttle_to_its_caller() {
	ext_with_asset().execute_with(|| {
		type Ct = CompliantAssets;
		let settle = |to: u64, amount: u64| <Ct as ComplianceTransfer<u64, u32, u64>>::settle(&ASSET, &ALICE, &to, amount);
		// Alice's own transfer window is full: her transfers stop, a payment
		// the rail counted under its own throttle still settles, uncounted.
		breaker(|b| {
			b.exhausted.insert(ALICE);
		});
		assert_refused(ASSET, ALICE, BOB, 1, Error::<Test>::AccountLimitReached);
		let noted = noted_operations();
		assert_ok!(settle(BOB, 100));
		System::assert_last_event(Event::Transferred { asset: ASSET, from: ALICE, to: BOB, amount: 100 }.into());
		assert_eq!((balance(BOB), noted_operations()), (100, noted));
		// Every other rule still applies, on both sides.
		assert_noop!(settle(NOBODY, 1), Error::<Test>::ReceiverNotRegistered);
		set_failure(ALICE, Some(ComplianceFailure::Sanctioned));
		assert_noop!(settle(BOB, 1), Error::<Test>::SenderSanctioned);
		set_failure(ALICE, None);
		freeze(ASSET, ALICE, 900);
		assert_noop!(settle(BOB, 1), Error::<Test>::InsufficientSpendableBalance);
	});
}

#[test]
fn supply_agents_cannot_issue_or_burn_a_deposit_token() {
	ext_with_asset().execute_with(|| {
		make_deposit_token(ASSET);
		assert_noop!(
			CompliantAssets::mint(RuntimeOrigin::signed(SUPPLY_AGENT), ASSET, ALICE, 1),
			Error::<Test>::SupplyManagedByMintEscrow
		);
		assert_noop!(
			CompliantAssets::burn(RuntimeOrigin::signed(SUPPLY_AGENT), ASSET, ALICE, 1),
			Error::<Test>::SupplyManagedByMintEscrow
		);
		// The mint escrow issues and burns through the same checks and books.
		use tokenize_primitives::PermissionedSupply;
		assert_ok!(CompliantAssets::issue(&ASSET, &BOB, 40, &SUPPLY_AGENT));
		assert_noop!(CompliantAssets::issue(&ASSET, &NOBODY, 1, &SUPPLY_AGENT), Error::<Test>::ReceiverNotRegistered);
		assert_eq!((balance(BOB), holders(), CompliantAssets::total_issuance(&ASSET)), (40, 2, 1_040));
		assert_ok!(CompliantAssets::destroy(&ASSET, &BOB, 40, &SUPPLY_AGENT));
		assert_eq!((balance(BOB), holders(), CompliantAssets::total_issuance(&ASSET)), (0, 1, 1_000));
		// A restoration (a failed payout's refund) owes nothing new: neither
		// the receiver's standing nor a pause refuses it.
		set_failure(BOB, Some(ComplianceFailure::Sanctioned));
		breaker(|b| {
			b.paused_assets.insert(ASSET);
		});
		assert_ok!(CompliantAssets::restore(&ASSET, &BOB, 40, &SUPPLY_AGENT));
		assert_eq!((balance(BOB), holders()), (40, 2));
		// Taking back never-spendable tokens ignores the pause, not an address freeze.
		assert_ok!(CompliantAssets::retract(&ASSET, &BOB, 10, &SUPPLY_AGENT));
		set_address_frozen(BOB, true);
		assert_noop!(CompliantAssets::retract(&ASSET, &BOB, 10, &SUPPLY_AGENT), Error::<Test>::AddressFrozen);
		assert_eq!((balance(BOB), CompliantAssets::total_issuance(&ASSET)), (30, 1_030));
		assert!(System::events().iter().any(|r| matches!(
			r.event,
			RuntimeEvent::CompliantAssets(Event::Burned { from: BOB, amount: 40, agent: SUPPLY_AGENT, .. })
		)));
	});
}

#[test]
fn shares_locked_for_redemption_move_on_no_path_and_the_refusal_says_why() {
	ext_with_asset().execute_with(|| {
		// Alice's 1 000: 300 escrowed, 400 locked for redemption, 300 free.
		set_escrowed(ASSET, ALICE, 300);
		set_locked(ASSET, ALICE, 400);
		assert_refused(ASSET, ALICE, BOB, 301, Error::<Test>::EscrowedForPayment);
		assert_refused(ASSET, ALICE, BOB, 601, Error::<Test>::LockedForRedemption);
		assert_refused(ASSET, ALICE, BOB, 1_000, Error::<Test>::LockedForRedemption);
		assert_refused(ASSET, ALICE, BOB, 1_001, Error::<Test>::InsufficientSpendableBalance);
		set_escrowed(ASSET, ALICE, 0);
		assert_refused(ASSET, ALICE, BOB, 601, Error::<Test>::LockedForRedemption);
		assert_noop!(forced(ALICE, BOB, 601), Error::<Test>::LockedForRedemption);
		assert_noop!(recover(ALICE, ALICE_NEW), Error::<Test>::LockedForRedemption);
		assert_ok!(forced(ALICE, BOB, 600));
		// The fund burns or unlocks them; then they move.
		set_locked(ASSET, ALICE, 0);
		assert_ok!(CompliantAssets::transfer(RuntimeOrigin::signed(ALICE), ASSET, BOB, 400));
	});
}

#[test]
fn every_holding_change_is_announced_before_it_happens() {
	ext_with_asset().execute_with(|| {
		let before = observed().len();
		assert_ok!(CompliantAssets::transfer(RuntimeOrigin::signed(ALICE), ASSET, BOB, 10));
		assert_ok!(CompliantAssets::mint(RuntimeOrigin::signed(SUPPLY_AGENT), ASSET, BOB, 5));
		assert_ok!(CompliantAssets::burn(RuntimeOrigin::signed(SUPPLY_AGENT), ASSET, BOB, 5));
		assert_ok!(forced(ALICE, BOB, 10));
		assert_eq!(
			observed()[before..],
			[(ASSET, ALICE), (ASSET, BOB), (ASSET, BOB), (ASSET, BOB), (ASSET, ALICE), (ASSET, BOB)]
		);
		// A refused movement announces nothing (its layer is rolled back).
		assert_noop!(
			CompliantAssets::transfer(RuntimeOrigin::signed(ALICE), ASSET, BOB, 1_000_000),
			Error::<Test>::InsufficientSpendableBalance
		);
	});
}

// ---- custodian banks (operators) ----------------------------------------------

const BANK: u64 = 20;
const BANK_TWO: u64 = 21;
const BANK_THREE: u64 = 22;

/// `ext_with_asset` plus three verified banks and 500 units for Bob.
fn ext_with_banks() -> sp_io::TestExternalities {
	let mut ext = ext_with_asset();
	ext.execute_with(|| {
		for bank in [BANK, BANK_TWO, BANK_THREE] {
			set_identity(bank, DE, InvestorCategory::EligibleCounterparty, bank);
			make_bank(bank);
		}
		mint(BOB, 500);
		System::reset_events();
	});
	ext
}

fn authorize(holder: u64, operator: u64) -> DispatchResult {
	CompliantAssets::authorize_operator(RuntimeOrigin::signed(holder), ASSET, operator)
}

fn revoke(holder: u64, operator: u64) -> DispatchResult {
	CompliantAssets::revoke_operator(RuntimeOrigin::signed(holder), ASSET, operator)
}

fn leg(from: u64, to: u64, amount: u64) -> crate::OperatorLegOf<Test> {
	crate::OperatorLeg { from, to, amount }
}

fn operator_batch(operator: u64, legs: Vec<crate::OperatorLegOf<Test>>) -> DispatchResult {
	outcome(CompliantAssets::operator_transfer(RuntimeOrigin::signed(operator), ASSET, legs))
}

fn operators_of(holder: u64) -> Vec<u64> {
	crate::Operators::<Test>::get(ASSET, holder).into_inner()
}

#[test]
fn only_the_holder_grants_and_revokes_and_only_to_a_verified_bank() {
	ext_with_banks().execute_with(|| {
		assert_ok!(authorize(ALICE, BANK));
		System::assert_last_event(Event::OperatorAuthorized { asset: ASSET, holder: ALICE, operator: BANK }.into());
		assert_eq!(operators_of(ALICE), vec![BANK]);
		assert_noop!(authorize(ALICE, BANK), Error::<Test>::OperatorAlreadyAuthorized);
		assert_noop!(authorize(ALICE, ALICE), Error::<Test>::OperatorIsHolder);
		// A verified customer is no bank; a sanctioned bank is not eligible.
		assert_noop!(authorize(ALICE, BOB), Error::<Test>::OperatorNotAVerifiedBank);
		set_failure(BANK_THREE, Some(ComplianceFailure::Sanctioned));
		assert_noop!(authorize(ALICE, BANK_THREE), Error::<Test>::OperatorNotAVerifiedBank);
		set_failure(BANK_THREE, None);
		assert_noop!(
			CompliantAssets::authorize_operator(RuntimeOrigin::signed(ALICE), ASSET + 1, BANK),
			Error::<Test>::UnknownAsset
		);
		// At most `MaxOperators` (2 in the mock) per holding.
		assert_ok!(authorize(ALICE, BANK_TWO));
		assert_noop!(authorize(ALICE, BANK_THREE), Error::<Test>::TooManyOperators);
		// Bob's revocation concerns Bob's holding only.
		assert_noop!(revoke(BOB, BANK), Error::<Test>::NotAnOperator);
		assert_ok!(revoke(ALICE, BANK));
		System::assert_last_event(Event::OperatorRevoked { asset: ASSET, holder: ALICE, operator: BANK }.into());
		assert_noop!(revoke(ALICE, BANK), Error::<Test>::NotAnOperator);
		assert_ok!(revoke(ALICE, BANK_TWO));
		assert!(!crate::Operators::<Test>::contains_key(ASSET, ALICE), "an empty list leaves no entry");
	});
}

#[test]
fn each_leg_is_checked_as_its_holders_own_transfer_and_refused_alone() {
	ext_with_banks().execute_with(|| {
		assert_ok!(authorize(ALICE, BANK));
		assert_ok!(authorize(BOB, BANK));
		System::reset_events();
		assert_ok!(operator_batch(
			BANK,
			vec![leg(ALICE, DAVE, 100), leg(CHARLIE, DAVE, 10), leg(BOB, NOBODY, 10), leg(BOB, CHARLIE, 200)]
		));
		assert_eq!((balance(ALICE), balance(BOB), balance(CHARLIE), balance(DAVE)), (900, 300, 200, 100));
		let refused = |index: u32, from: u64, to: u64, amount: u64, error: Error<Test>| Event::OperatorTransferRefused {
			asset: ASSET,
			operator: BANK,
			index,
			from,
			to,
			amount,
			error: error.into(),
		};
		// Charlie never authorised the bank; Bob's first receiver has no identity.
		System::assert_has_event(refused(1, CHARLIE, DAVE, 10, Error::<Test>::NotAnOperator).into());
		System::assert_has_event(refused(2, BOB, NOBODY, 10, Error::<Test>::ReceiverNotRegistered).into());
		System::assert_has_event(Event::Transferred { asset: ASSET, from: ALICE, to: DAVE, amount: 100 }.into());
		System::assert_has_event(Event::Transferred { asset: ASSET, from: BOB, to: CHARLIE, amount: 200 }.into());
		System::assert_last_event(
			Event::OperatorBatchExecuted { asset: ASSET, operator: BANK, transferred: 2, refused: 2 }.into(),
		);
		// A leg sees what the earlier legs left; a frozen amount stays put.
		freeze(ASSET, BOB, 100);
		assert_ok!(operator_batch(BANK, vec![leg(BOB, DAVE, 150), leg(BOB, DAVE, 100)]));
		System::assert_has_event(refused(1, BOB, DAVE, 100, Error::<Test>::InsufficientSpendableBalance).into());
		assert_eq!((balance(BOB), balance(DAVE)), (150, 250));
		// The bank's own holding needs no grant; a revoked grant stops at once.
		mint(BANK, 50);
		assert_ok!(revoke(ALICE, BANK));
		assert_ok!(operator_batch(BANK, vec![leg(BANK, DAVE, 50), leg(ALICE, DAVE, 1)]));
		System::assert_has_event(refused(1, ALICE, DAVE, 1, Error::<Test>::NotAnOperator).into());
		assert_eq!((balance(BANK), balance(ALICE), balance(DAVE)), (0, 900, 300));
	});
}

#[test]
fn a_batch_is_refused_whole_for_its_shape_or_an_ineligible_bank() {
	ext_with_banks().execute_with(|| {
		assert_ok!(authorize(ALICE, BANK));
		assert_noop!(operator_batch(BANK, vec![]), Error::<Test>::EmptyBatch);
		assert_noop!(operator_batch(BANK, vec![leg(ALICE, BOB, 1); 5]), Error::<Test>::BatchTooLarge);
		assert_noop!(
			CompliantAssets::operator_transfer(RuntimeOrigin::signed(BANK), ASSET + 1, vec![leg(ALICE, BOB, 1)]),
			Error::<Test>::UnknownAsset
		);
		// A bank that is sanctioned after the grant acts for nobody.
		set_failure(BANK, Some(ComplianceFailure::Sanctioned));
		assert_noop!(operator_batch(BANK, vec![leg(ALICE, BOB, 1)]), Error::<Test>::OperatorNotAVerifiedBank);
		// A customer is no operator, whatever it was granted.
		assert_noop!(operator_batch(CHARLIE, vec![leg(ALICE, BOB, 1)]), Error::<Test>::OperatorNotAVerifiedBank);
	});
}

/// A random operator batch over the fixture's accounts.
fn operator_case() -> impl Strategy<Value = (Vec<(u64, u64)>, Vec<(u64, u64, u64)>)> {
	let party = prop::sample::select(vec![ALICE, BOB, CHARLIE, DAVE, BANK, NOBODY]);
	let grants = prop::collection::vec((party.clone(), prop::sample::select(vec![BANK, BANK_TWO])), 0..6);
	let legs = prop::collection::vec((party.clone(), party, 0u64..700), 1..5);
	(grants, legs)
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(128))]

	/// An operator batch ends in exactly the state of its legs' holders
	/// sending them one by one, the legs whose holder had not authorised the
	/// bank (or that their holder's own transfer refuses) left out; each
	/// refused leg is reported with the error the holder's transfer gives;
	/// and the batch is charged the between-holders weight plus the worst
	/// case's extra for exactly its refused legs and the legs that opened or
	/// closed a holding (and the observer's most for a refused leg's parties).
	#[test]
	fn an_operator_batch_is_its_holders_transfers_in_order((grants, legs) in operator_case()) {
		let run = |by_operator: bool| {
			let mut ext = ext_with_banks();
			ext.execute_with(|| {
				mint(BANK, 100);
				let granted: Vec<(u64, u64)> =
					grants.iter().copied().filter(|(holder, bank)| authorize(*holder, *bank).is_ok()).collect();
				System::reset_events();
				let mut refusals = Vec::new();
				let charged_weight;
				if by_operator {
					let batch = legs.iter().map(|&(from, to, amount)| leg(from, to, amount)).collect();
					let charged = CompliantAssets::operator_transfer(RuntimeOrigin::signed(BANK), ASSET, batch);
					charged_weight = charged.expect("an operator batch of valid shape goes through").actual_weight;
					for record in System::events() {
						if let RuntimeEvent::CompliantAssets(Event::OperatorTransferRefused { index, error, .. }) = record.event {
							refusals.push((index, error));
						}
					}
				} else {
					// A leg is worst-case when refused or when it opens the
					// receiver's holding or closes the holder's; a refused
					// one also carries the observer's most for its two parties.
					let (mut costly, mut refused) = (0u64, 0u64);
					for (index, &(from, to, amount)) in (0u32..).zip(legs.iter()) {
						let allowed = from == BANK || granted.contains(&(from, BANK));
						let receiver_held = balance(to) > 0;
						let outcome = if allowed { transfer(from, to, amount) } else { Err(Error::<Test>::NotAnOperator.into()) };
						let changed_holdings = !receiver_held || balance(from) == 0;
						if outcome.is_err() || changed_holdings {
							costly += 1;
						}
						if let Err(error) = outcome {
							refused += 1;
							refusals.push((index, error));
						}
					}
					let n = legs.len() as u64;
					let moved = if costly == 0 { 1_200 + 80 * n } else { 2_000 + 80 * n + 120 * costly };
					let time = moved + 2 * OBSERVER_MAX * refused;
					charged_weight = Some(parts(time));
				}
				let balances: Vec<u64> = [ALICE, BOB, CHARLIE, DAVE, BANK, NOBODY].iter().map(|w| balance(*w)).collect();
				(balances, holders(), refusals, charged_weight)
			})
		};
		prop_assert_eq!(run(true), run(false));
	}
}

// ---- charged weights -------------------------------------------------------------

/// The weight a call that went through was charged.
fn charged(result: DispatchResultWithPostInfo, declared: Weight) -> Weight {
	result.expect("the call goes through").actual_weight.unwrap_or(declared)
}

fn batch_of(from: u64, legs: Vec<(u64, u64)>) -> DispatchResultWithPostInfo {
	CompliantAssets::batch_transfer(RuntimeOrigin::signed(from), ASSET, legs)
}

#[test]
fn a_transfer_between_holders_is_charged_its_own_weight_and_one_changing_a_holding_the_worst_case() {
	ext_with_asset().execute_with(|| {
		let send = |from, to, amount| {
			charged(CompliantAssets::transfer(RuntimeOrigin::signed(from), ASSET, to, amount), TestWeights::transfer())
		};
		// Bob's holding opens, then both hold, then Bob's closes.
		assert_eq!(send(ALICE, BOB, 100), parts(1_100));
		assert_eq!(send(ALICE, BOB, 100), parts(640));
		assert_eq!(send(BOB, ALICE, 200), parts(1_100));
		let batch = |legs: Vec<(u64, u64)>| {
			let declared = TestWeights::batch_transfer(legs.len() as u32);
			charged(batch_of(ALICE, legs), declared)
		};
		// Bob's and Charlie's holdings open; the third leg is between holders.
		assert_eq!(batch(vec![(BOB, 1), (CHARLIE, 1), (BOB, 1)]), parts(1_000 + 40 * 3 + 60 * 2));
		assert_eq!(batch(vec![(BOB, 1), (CHARLIE, 1)]), parts(600 + 40 * 2));
		// The last leg takes the rest and closes Alice's holding.
		let rest = balance(ALICE) - 1;
		assert_eq!(batch(vec![(BOB, 1), (CHARLIE, rest)]), parts(1_000 + 40 * 2 + 60));
		assert_eq!(balance(ALICE), 0);
	});
}

#[test]
fn an_operator_batch_charges_its_refused_legs_and_those_changing_a_holding_as_worst_case() {
	ext_with_banks().execute_with(|| {
		assert_ok!(authorize(ALICE, BANK));
		let run = |legs: Vec<crate::OperatorLegOf<Test>>| {
			let declared = TestWeights::operator_transfer(legs.len() as u32);
			charged(CompliantAssets::operator_transfer(RuntimeOrigin::signed(BANK), ASSET, legs), declared)
		};
		// Dave's holding opens, Charlie never authorised the bank, the last
		// leg moves between holders.
		// The refused leg also carries the observer's most for its parties.
		let legs = vec![leg(ALICE, DAVE, 100), leg(CHARLIE, DAVE, 10), leg(ALICE, DAVE, 5)];
		assert_eq!(run(legs), parts(2_000 + 80 * 3 + 120 * 2 + 2 * OBSERVER_MAX));
		assert_eq!(run(vec![leg(ALICE, DAVE, 1)]), parts(1_200 + 80));
	});
}

#[test]
fn a_movement_declares_the_observers_most_for_each_party_and_is_charged_what_they_reported() {
	use frame_support::dispatch::GetDispatchInfo;
	let declared = |call: crate::Call<Test>| call.get_dispatch_info().call_weight;
	ext_with_banks().execute_with(|| {
		// The benchmark plus the observer's most for every party.
		assert_eq!(declared(crate::Call::transfer { asset: ASSET, to: BOB, amount: 1 }), parts(1_100 + 2 * OBSERVER_MAX));
		let three_legs = crate::Call::batch_transfer { asset: ASSET, transfers: vec![(BOB, 1); 3] };
		assert_eq!(declared(three_legs), parts(1_000 + 100 * 3 + 6 * OBSERVER_MAX));
		let two_legs = crate::Call::operator_transfer { asset: ASSET, legs: vec![leg(ALICE, BOB, 1); 2] };
		assert_eq!(declared(two_legs), parts(2_000 + 200 * 2 + 4 * OBSERVER_MAX));
		let mint = crate::Call::mint { asset: ASSET, to: BOB, amount: 1 };
		assert_eq!(declared(mint), TestWeights::mint() + parts(OBSERVER_MAX));

		let send = |to, amount| {
			charged(CompliantAssets::transfer(RuntimeOrigin::signed(ALICE), ASSET, to, amount), TestWeights::transfer())
		};
		// An asset the observer does no work for: nothing added.
		assert_eq!(send(BOB, 100), parts(640));
		// A distributing fund's share: what the observer reported, per party.
		observe_work_on(ASSET);
		assert_eq!(send(BOB, 100), parts(640 + 2 * OBSERVER_WORK));
		let declared_batch = TestWeights::batch_transfer(2);
		assert_eq!(charged(batch_of(ALICE, vec![(BOB, 1), (BOB, 1)]), declared_batch), parts(600 + 40 * 2 + 4 * OBSERVER_WORK));
		// A bank's batch: a leg between holders (reported), a refused one
		// (Charlie never authorised the bank: the worst case and the most).
		assert_ok!(authorize(ALICE, BANK));
		let legs = vec![leg(ALICE, BOB, 5), leg(CHARLIE, BOB, 1)];
		let operator_batch = CompliantAssets::operator_transfer(RuntimeOrigin::signed(BANK), ASSET, legs);
		let worst_extra = (2_000 + 200) - (1_200 + 80);
		let expected = 1_200 + 80 * 2 + worst_extra + 2 * OBSERVER_WORK + 2 * OBSERVER_MAX;
		assert_eq!(charged(operator_batch, TestWeights::operator_transfer(2)), parts(expected));
	});
}

#[test]
fn the_other_pallets_movements_report_what_the_observers_charged() {
	type Ct = CompliantAssets;
	ext_with_asset().execute_with(|| {
		assert_eq!(<Ct as ComplianceTransfer<u64, u32, u64>>::movement_observers_most(), parts(2 * OBSERVER_MAX));
		// An asset the observers do no work for: nothing to charge.
		assert_eq!(<Ct as ComplianceTransfer<u64, u32, u64>>::transfer(&ASSET, &ALICE, &BOB, 100), Ok(parts(0)));
		// A distributing fund's share: the observer's work for both parties,
		// whichever way the other pallet moved it.
		observe_work_on(ASSET);
		let both = Ok(parts(2 * OBSERVER_WORK));
		assert_eq!(<Ct as ComplianceTransfer<u64, u32, u64>>::transfer(&ASSET, &ALICE, &BOB, 100), both);
		assert_eq!(<Ct as ComplianceTransfer<u64, u32, u64>>::settle(&ASSET, &BOB, &CHARLIE, 100), both);
		assert_eq!(<Ct as ComplianceTransfer<u64, u32, u64>>::force_move(&ASSET, &CHARLIE, &ALICE, 50), both);
		assert_eq!((balance(ALICE), balance(BOB), balance(CHARLIE)), (850, 100, 50));
	});
}

/// A batch leg's amount: a number of units, or whatever the sender has left.
#[derive(Clone, Debug)]
enum LegAmount {
	Units(u64),
	Rest,
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(128))]

	/// Random holdings and a random batch of one holder's: when the batch
	/// goes through, it is charged the between-holders weight plus the worst
	/// case's extra for exactly the legs that opened the receiver's holding
	/// or closed the sender's, as a plain model of the balances counts them.
	#[test]
	fn a_batch_is_charged_for_exactly_the_holdings_it_opens_or_closes(
		holdings in prop::collection::vec(prop_oneof![Just(0u64), 1u64..300], HOLDERS.len()),
		sender in 0..HOLDERS.len(),
		legs in prop::collection::vec(
			(1..HOLDERS.len(), prop_oneof![(1u64..120).prop_map(LegAmount::Units), Just(LegAmount::Rest)]),
			1..5,
		),
	) {
		let outcome = ext_with_asset().execute_with(|| {
			for (who, amount) in HOLDERS.iter().zip(&holdings) {
				if *amount > 0 {
					mint(*who, *amount);
				}
			}
			let from = HOLDERS[sender];
			let mut model: BTreeMap<u64, u64> = HOLDERS.iter().map(|who| (*who, balance(*who))).collect();
			let mut batch = Vec::new();
			let mut costly = 0u64;
			for (offset, amount) in &legs {
				let to = HOLDERS[(sender + offset) % HOLDERS.len()];
				let left = model[&from];
				let amount = match amount { LegAmount::Units(units) => *units, LegAmount::Rest => left };
				let opens = model[&to] == 0;
				let closes = amount == left;
				costly += u64::from(opens || closes);
				model.insert(from, left.saturating_sub(amount));
				*model.entry(to).or_default() += amount;
				batch.push((to, amount));
			}
			let n = batch.len() as u64;
			let expected = if costly == 0 { 600 + 40 * n } else { 1_000 + 40 * n + 60 * costly };
			batch_of(from, batch).ok().map(|info| {
				let balances: BTreeMap<u64, u64> = HOLDERS.iter().map(|who| (*who, balance(*who))).collect();
				(info.actual_weight, Some(parts(expected)), balances, model)
			})
		});
		if let Some((charged, expected, balances, model)) = outcome {
			prop_assert_eq!(balances, model);
			prop_assert_eq!(charged, expected);
		}
	}
}
