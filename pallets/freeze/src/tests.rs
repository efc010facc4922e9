use crate::{
	mock::*, ActiveEntryCount, AddressFreeze, EntryId, Entries, Error, Event, FreezeEntry,
	FrozenAddressCount, FrozenAddresses, FrozenTotals, HoldingEntries, NextEntryId,
};
use frame_support::{
	assert_noop, assert_ok,
	pallet_prelude::{ConstU32, DispatchResult},
	storage::with_storage_layer,
	traits::{
		fungibles::Inspect,
		tokens::{Fortitude, Preservation},
	},
	BoundedVec,
};
use pallet_assets::FrozenBalance;
use proptest::prelude::*;
use sp_runtime::DispatchError;
use tokenize_primitives::{ComplianceTransfer, FreezeReason, FreezeSummary, Freezes};

/// A court file number, 15 bytes (the mock allows 16).
const CASE: &[u8] = b"LG-Berlin 12/26";

fn case() -> BoundedVec<u8, ConstU32<MAX_REFERENCE>> {
	BoundedVec::truncate_from(CASE.to_vec())
}

/// The USD freeze agent freezes `amount` of `holder` under a court order.
fn freeze(holder: AccountId, amount: Balance) -> Result<EntryId, DispatchError> {
	freeze_of(USD, holder, amount)
}

/// The asset's freeze agent freezes `amount` of `holder`'s holding of
/// `asset` under a court order.
fn freeze_of(asset: AssetId, holder: AccountId, amount: Balance) -> Result<EntryId, DispatchError> {
	let agent = FreezeRole::agent(&asset);
	Freeze::freeze(RuntimeOrigin::signed(agent), asset, holder, amount, FreezeReason::CourtOrder, CASE.to_vec())?;
	Ok(NextEntryId::<Test>::get() - 1)
}

fn freeze_address(who: AccountId) -> DispatchResult {
	Freeze::freeze_address(RuntimeOrigin::signed(OFFICER), who, FreezeReason::SanctionsMatch, CASE.to_vec())
}

/// An ordinary transfer through pallet-assets' own call.
fn transfer(asset: AssetId, from: AccountId, to: AccountId, amount: Balance) -> DispatchResult {
	Assets::transfer(RuntimeOrigin::signed(from), asset, to, amount)
}

fn balance(who: AccountId) -> Balance {
	Assets::balance(USD, who)
}

/// What pallet-assets is told is frozen.
fn hook_frozen(asset: AssetId, who: AccountId) -> Option<Balance> {
	<Freeze as FrozenBalance<AssetId, AccountId, Balance>>::frozen_balance(asset, &who)
}

fn entry_ids(asset: AssetId, who: AccountId) -> Vec<EntryId> {
	HoldingEntries::<Test>::get(asset, who).into_inner()
}

fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Freeze(event) => Some(event),
			_ => None,
		})
		.collect()
}

// ---- freeze -------------------------------------------------------------

#[test]
fn freeze_records_the_order_and_tells_pallet_assets() {
	new_test_ext().execute_with(|| {
		set_now(START + 60);
		assert_eq!(freeze(ALICE, 300), Ok(0));
		let expected = FreezeEntry {
			asset: USD,
			holder: ALICE,
			amount: 300,
			source: FREEZE_AGENT,
			reason: FreezeReason::CourtOrder,
			reference: case(),
			at: START + 60,
		};
		assert_eq!(Entries::<Test>::get(0), Some(expected.clone()));
		assert_eq!(entry_ids(USD, ALICE), vec![0]);
		assert_eq!(FrozenTotals::<Test>::get(USD, ALICE), 300);
		assert_eq!(ActiveEntryCount::<Test>::get(USD), 1);
		assert_eq!(hook_frozen(USD, ALICE), Some(300));
		assert_eq!(hook_frozen(EUR, ALICE), None);
		// The event publishes the whole order: it is the audit record.
		let FreezeEntry { asset, holder, amount, source, reason, reference, at } = expected;
		System::assert_last_event(
			Event::Frozen { entry_id: 0, asset, holder, amount, source, reason, reference, at }.into(),
		);
		// Ids come from a counter; a second order adds to the total.
		assert_eq!(freeze(ALICE, 200), Ok(1));
		assert_eq!(entry_ids(USD, ALICE), vec![0, 1]);
		assert_eq!(FrozenTotals::<Test>::get(USD, ALICE), 500);
		assert_eq!(ActiveEntryCount::<Test>::get(USD), 2);
	});
}

#[test]
fn freeze_may_cover_exactly_the_whole_holding() {
	new_test_ext().execute_with(|| {
		assert_ok!(freeze(ALICE, 600));
		assert_noop!(freeze(ALICE, 401), Error::<Test>::InsufficientUnfrozenBalance);
		assert_ok!(freeze(ALICE, 400));
		assert_eq!(FrozenTotals::<Test>::get(USD, ALICE), FUNDED);
		assert_noop!(freeze(ALICE, 1), Error::<Test>::InsufficientUnfrozenBalance);
		assert_noop!(freeze(CAROL, 1), Error::<Test>::InsufficientUnfrozenBalance);
	});
}

#[test]
fn freeze_refusals_are_named_and_change_nothing() {
	new_test_ext().execute_with(|| {
		assert_noop!(freeze(ALICE, 0), Error::<Test>::ZeroAmount);
		assert_noop!(
			Freeze::freeze(
				RuntimeOrigin::signed(FREEZE_AGENT),
				USD,
				ALICE,
				1,
				FreezeReason::AmlFlag,
				vec![b'x'; MAX_REFERENCE as usize + 1],
			),
			Error::<Test>::ReferenceTooLong
		);
		for _ in 0..MAX_ENTRIES {
			assert_ok!(freeze(ALICE, 1));
		}
		assert_noop!(freeze(ALICE, 1), Error::<Test>::TooManyEntries);
		NextEntryId::<Test>::put(EntryId::MAX);
		assert_noop!(freeze(BOB, 1), Error::<Test>::Overflow);
	});
}

#[test]
fn only_the_assets_freeze_agent_may_freeze() {
	new_test_ext().execute_with(|| {
		for origin in [
			RuntimeOrigin::signed(FORCED_TRANSFER_AGENT),
			RuntimeOrigin::signed(OFFICER),
			RuntimeOrigin::signed(EUR_FREEZE_AGENT),
			RuntimeOrigin::signed(ALICE),
			RuntimeOrigin::root(),
			RuntimeOrigin::none(),
		] {
			assert_noop!(
				Freeze::freeze(origin, USD, ALICE, 1, FreezeReason::AmlFlag, vec![]),
				DispatchError::BadOrigin
			);
		}
		assert_ok!(Freeze::freeze(
			RuntimeOrigin::signed(EUR_FREEZE_AGENT),
			EUR,
			ALICE,
			1,
			FreezeReason::RegulatoryHold,
			vec![],
		));
	});
}

// ---- enforcement by pallet-assets ----------------------------------------

#[test]
fn a_partial_freeze_limits_pallet_assets_transfers_to_the_spendable_amount() {
	new_test_ext().execute_with(|| {
		assert_ok!(freeze(ALICE, 600));
		assert_eq!(
			<Assets as Inspect<AccountId>>::reducible_balance(
				USD,
				&ALICE,
				Preservation::Expendable,
				Fortitude::Force
			),
			400
		);
		assert_noop!(transfer(USD, ALICE, BOB, 401), pallet_assets::Error::<Test>::BalanceLow);
		assert_ok!(transfer(USD, ALICE, BOB, 400));
		assert_eq!(balance(ALICE), 600);
		assert_noop!(transfer(USD, ALICE, BOB, 1), pallet_assets::Error::<Test>::BalanceLow);
		// Other assets of the holder are untouched by the USD order.
		assert_ok!(transfer(EUR, ALICE, BOB, FUNDED));
		// Incoming funds are spendable on top of the frozen amount.
		assert_ok!(transfer(USD, BOB, ALICE, 50));
		assert_ok!(transfer(USD, ALICE, CAROL, 50));
		assert_eq!(balance(ALICE), 600);
	});
}

#[test]
fn the_issuer_cannot_burn_frozen_funds() {
	new_test_ext().execute_with(|| {
		assert_ok!(freeze(ALICE, 600));
		// pallet-assets' burn is best effort: it takes only what is spendable.
		assert_ok!(Assets::burn(RuntimeOrigin::signed(ISSUER), USD, ALICE, FUNDED));
		assert_eq!(balance(ALICE), 600);
	});
}

// ---- unfreeze -------------------------------------------------------------

#[test]
fn unfreeze_lifts_one_entry_and_cleans_up() {
	new_test_ext().execute_with(|| {
		let first = freeze(ALICE, 300).expect("frozen");
		let second = freeze(ALICE, 200).expect("frozen");
		assert_ok!(Freeze::unfreeze(RuntimeOrigin::signed(FREEZE_AGENT), first));
		System::assert_last_event(
			Event::Unfrozen { entry_id: first, asset: USD, holder: ALICE, amount: 300, by: FREEZE_AGENT }
				.into(),
		);
		assert!(Entries::<Test>::get(first).is_none());
		assert_eq!(entry_ids(USD, ALICE), vec![second]);
		assert_eq!(hook_frozen(USD, ALICE), Some(200));
		assert_ok!(transfer(USD, ALICE, BOB, 800));

		assert_ok!(Freeze::unfreeze(RuntimeOrigin::signed(FREEZE_AGENT), second));
		assert!(!HoldingEntries::<Test>::contains_key(USD, ALICE));
		assert!(!FrozenTotals::<Test>::contains_key(USD, ALICE));
		assert!(!ActiveEntryCount::<Test>::contains_key(USD));
		assert_eq!(hook_frozen(USD, ALICE), None);
		assert_ok!(transfer(USD, ALICE, BOB, 200));
	});
}

#[test]
fn unfreeze_refusals_are_named_and_change_nothing() {
	new_test_ext().execute_with(|| {
		let id = freeze(ALICE, 300).expect("frozen");
		assert_noop!(
			Freeze::unfreeze(RuntimeOrigin::signed(FREEZE_AGENT), 99),
			Error::<Test>::UnknownEntry
		);
		for who in [FORCED_TRANSFER_AGENT, OFFICER, EUR_FREEZE_AGENT, ALICE] {
			assert_noop!(
				Freeze::unfreeze(RuntimeOrigin::signed(who), id),
				DispatchError::BadOrigin
			);
		}
		assert_noop!(Freeze::unfreeze(RuntimeOrigin::root(), id), DispatchError::BadOrigin);
		assert_ok!(Freeze::unfreeze(RuntimeOrigin::signed(FREEZE_AGENT), id));
		// Only active entries can be lifted: a closed one is gone.
		assert_noop!(
			Freeze::unfreeze(RuntimeOrigin::signed(FREEZE_AGENT), id),
			Error::<Test>::UnknownEntry
		);
	});
}

// ---- confiscate -------------------------------------------------------------

#[test]
fn confiscation_moves_exactly_the_entry_amount() {
	new_test_ext().execute_with(|| {
		let seized = freeze(ALICE, 300).expect("frozen");
		let kept = freeze(ALICE, 200).expect("frozen");
		assert_ok!(Freeze::confiscate(RuntimeOrigin::signed(FORCED_TRANSFER_AGENT), seized, TREASURY));
		System::assert_last_event(
			Event::Confiscated {
				entry_id: seized,
				asset: USD,
				holder: ALICE,
				to: TREASURY,
				amount: 300,
				by: FORCED_TRANSFER_AGENT,
			}
			.into(),
		);
		assert_eq!(force_moves(), vec![(USD, ALICE, TREASURY, 300)]);
		assert_eq!(balance(ALICE), 700);
		assert_eq!(balance(TREASURY), 300);
		assert!(Entries::<Test>::get(seized).is_none());
		assert_eq!(entry_ids(USD, ALICE), vec![kept]);
		assert_eq!(FrozenTotals::<Test>::get(USD, ALICE), 200);
		assert_eq!(ActiveEntryCount::<Test>::get(USD), 1);
		assert_eq!(Assets::total_issuance(USD), 2 * FUNDED);
	});
}

#[test]
fn a_confiscation_declares_the_observers_most_and_is_charged_what_they_reported() {
	use crate::WeightInfo as _;
	use frame_support::dispatch::GetDispatchInfo;
	use frame_support::weights::Weight;
	type W = <Test as crate::Config>::WeightInfo;
	new_test_ext().execute_with(|| {
		let call = crate::Call::<Test>::confiscate { entry_id: 0, to: TREASURY };
		let most = Weight::from_parts(2 * ACCRUAL_MOST_PER_PARTY, 0);
		assert_eq!(call.get_dispatch_info().call_weight, W::confiscate() + most);
		// USD's moves are observed by nobody; EUR's holding observer accrues
		// for both parties.
		let usd = freeze(ALICE, 300).expect("frozen");
		let charged = Freeze::confiscate(RuntimeOrigin::signed(FORCED_TRANSFER_AGENT), usd, TREASURY);
		assert_eq!(charged.map(|info| info.actual_weight), Ok(Some(W::confiscate())));
		let eur = freeze_of(EUR, ALICE, 300).expect("frozen");
		let charged = Freeze::confiscate(RuntimeOrigin::signed(EUR_FORCED_TRANSFER_AGENT), eur, TREASURY);
		let accrued = Weight::from_parts(2 * ACCRUAL_PER_PARTY, 0);
		assert_eq!(charged.map(|info| info.actual_weight), Ok(Some(W::confiscate() + accrued)));
		assert_eq!(force_moves(), vec![(USD, ALICE, TREASURY, 300), (EUR, ALICE, TREASURY, 300)]);
	});
}

#[test]
fn confiscating_the_whole_holding_reaps_the_account_cleanly() {
	new_test_ext().execute_with(|| {
		let id = freeze(ALICE, FUNDED).expect("frozen");
		assert_ok!(Freeze::confiscate(RuntimeOrigin::signed(FORCED_TRANSFER_AGENT), id, TREASURY));
		assert!(pallet_assets::Account::<Test>::get(USD, ALICE).is_none());
		assert_eq!(balance(TREASURY), FUNDED);
		assert!(!HoldingEntries::<Test>::contains_key(USD, ALICE));
		assert!(!FrozenTotals::<Test>::contains_key(USD, ALICE));
		assert!(!Freeze::contains_freezes(USD));
	});
}

#[test]
fn confiscate_refusals_are_named_and_change_nothing() {
	new_test_ext().execute_with(|| {
		let id = freeze(ALICE, 300).expect("frozen");
		let agent = || RuntimeOrigin::signed(FORCED_TRANSFER_AGENT);
		assert_noop!(Freeze::confiscate(agent(), 99, TREASURY), Error::<Test>::UnknownEntry);
		// Separation of duties: the freeze agent cannot seize what it froze.
		for who in [FREEZE_AGENT, OFFICER, EUR_FORCED_TRANSFER_AGENT, ALICE] {
			assert_noop!(
				Freeze::confiscate(RuntimeOrigin::signed(who), id, TREASURY),
				DispatchError::BadOrigin
			);
		}
		assert_noop!(Freeze::confiscate(agent(), id, ALICE), Error::<Test>::ConfiscationToHolder);

		assert_ok!(freeze_address(ALICE));
		assert_noop!(Freeze::confiscate(agent(), id, TREASURY), Error::<Test>::HolderAddressFrozen);
		assert_ok!(Freeze::unfreeze_address(RuntimeOrigin::signed(OFFICER), ALICE));

		// Re-keyed to a wallet that does not hold the funds (yet).
		assert_ok!(with_storage_layer(|| Freeze::move_freezes(&USD, &ALICE, &CAROL)));
		assert_noop!(Freeze::confiscate(agent(), id, TREASURY), Error::<Test>::InsufficientBalance);
		assert!(force_moves().is_empty());
	});
}

#[test]
fn a_failed_move_leaves_the_entry_active() {
	new_test_ext().execute_with(|| {
		let id = freeze(ALICE, 300).expect("frozen");
		// Asset frozen by its pallet-assets freezer: the move fails, so must the call.
		assert_ok!(Assets::freeze_asset(RuntimeOrigin::signed(ISSUER), USD));
		assert_noop!(
			Freeze::confiscate(RuntimeOrigin::signed(FORCED_TRANSFER_AGENT), id, TREASURY),
			sp_runtime::TokenError::Frozen
		);
		assert!(Entries::<Test>::contains_key(id));
	});
}

// ---- address freeze -----------------------------------------------------

#[test]
fn an_address_freeze_blocks_every_holding() {
	new_test_ext().execute_with(|| {
		assert_ok!(freeze_address(ALICE));
		System::assert_last_event(
			Event::AddressFrozen {
				who: ALICE,
				reason: FreezeReason::SanctionsMatch,
				reference: case(),
				by: OFFICER,
				at: START,
			}
			.into(),
		);
		assert_eq!(
			FrozenAddresses::<Test>::get(ALICE),
			Some(AddressFreeze {
				source: OFFICER,
				reason: FreezeReason::SanctionsMatch,
				reference: case(),
				at: START
			})
		);
		assert_eq!(FrozenAddressCount::<Test>::get(), 1);
		assert_eq!(hook_frozen(USD, ALICE), Some(Balance::MAX));
		assert_eq!(hook_frozen(EUR, ALICE), Some(Balance::MAX));
		for asset in [USD, EUR] {
			assert_noop!(transfer(asset, ALICE, BOB, 1), pallet_assets::Error::<Test>::BalanceLow);
		}
		// Funds may still arrive; they are frozen too.
		assert_ok!(transfer(USD, BOB, ALICE, 10));
		assert_eq!(<Freeze as Freezes<_, _, _>>::frozen_balance(&USD, &ALICE), FUNDED + 10);
		assert!(<Freeze as Freezes<AssetId, AccountId, Balance>>::is_address_frozen(&ALICE));
		// Entry freezes may still be placed on a frozen address.
		assert_ok!(freeze(ALICE, 100));

		assert_ok!(Freeze::unfreeze_address(RuntimeOrigin::signed(OFFICER), ALICE));
		System::assert_last_event(Event::AddressUnfrozen { who: ALICE, by: OFFICER }.into());
		assert_eq!(FrozenAddressCount::<Test>::get(), 0);
		assert_eq!(hook_frozen(USD, ALICE), Some(100));
		assert_ok!(transfer(USD, ALICE, BOB, FUNDED - 90));
		assert_ok!(transfer(EUR, ALICE, BOB, FUNDED));
	});
}

#[test]
fn address_freeze_refusals_are_named_and_change_nothing() {
	new_test_ext().execute_with(|| {
		for who in [FREEZE_AGENT, FORCED_TRANSFER_AGENT, ALICE] {
			assert_noop!(
				Freeze::freeze_address(RuntimeOrigin::signed(who), BOB, FreezeReason::AmlFlag, vec![]),
				DispatchError::BadOrigin
			);
			assert_noop!(
				Freeze::unfreeze_address(RuntimeOrigin::signed(who), BOB),
				DispatchError::BadOrigin
			);
		}
		assert_noop!(
			Freeze::freeze_address(
				RuntimeOrigin::signed(OFFICER),
				BOB,
				FreezeReason::AmlFlag,
				vec![0; MAX_REFERENCE as usize + 1]
			),
			Error::<Test>::ReferenceTooLong
		);
		assert_noop!(
			Freeze::unfreeze_address(RuntimeOrigin::signed(OFFICER), BOB),
			Error::<Test>::AddressNotFrozen
		);
		assert_ok!(freeze_address(BOB));
		assert_noop!(freeze_address(BOB), Error::<Test>::AddressAlreadyFrozen);
	});
}

// ---- pallet-assets hooks ----------------------------------------------------

#[test]
fn live_orders_stop_the_asset_from_being_destroyed() {
	new_test_ext().execute_with(|| {
		assert!(!Freeze::contains_freezes(USD));
		let id = freeze(ALICE, 1).expect("frozen");
		assert!(Freeze::contains_freezes(USD));
		assert!(!Freeze::contains_freezes(EUR));
		assert_noop!(
			Assets::start_destroy(RuntimeOrigin::signed(ISSUER), USD),
			pallet_assets::Error::<Test>::ContainsFreezes
		);
		assert_ok!(Freeze::unfreeze(RuntimeOrigin::signed(FREEZE_AGENT), id));
		assert!(!Freeze::contains_freezes(USD));

		assert_ok!(freeze_address(CAROL));
		assert!(Freeze::contains_freezes(EUR));
		assert_noop!(
			Assets::start_destroy(RuntimeOrigin::signed(ISSUER), EUR),
			pallet_assets::Error::<Test>::ContainsFreezes
		);
		assert_ok!(Freeze::unfreeze_address(RuntimeOrigin::signed(OFFICER), CAROL));
		assert_ok!(Assets::start_destroy(RuntimeOrigin::signed(ISSUER), EUR));
	});
}

#[test]
fn a_frozen_holding_cannot_be_reaped() {
	new_test_ext().execute_with(|| {
		assert_ok!(freeze(ALICE, 1));
		// Everything but the frozen unit leaves; the account stays alive.
		assert_ok!(transfer(USD, ALICE, BOB, FUNDED - 1));
		assert_eq!(balance(ALICE), 1);
		assert!(pallet_assets::Account::<Test>::get(USD, ALICE).is_some());
		assert_eq!(entry_ids(USD, ALICE).len(), 1);
	});
}

// ---- recovery ---------------------------------------------------------------

#[test]
fn recovery_rekeys_every_entry_and_merges_totals() {
	new_test_ext().execute_with(|| {
		let on_bob = freeze(BOB, 50).expect("frozen");
		let first = freeze(ALICE, 100).expect("frozen");
		let second = freeze(ALICE, 200).expect("frozen");
		let eur = Freeze::freeze(
			RuntimeOrigin::signed(EUR_FREEZE_AGENT),
			EUR,
			ALICE,
			10,
			FreezeReason::AmlFlag,
			vec![],
		);
		assert_ok!(eur);

		assert_ok!(with_storage_layer(|| Freeze::move_freezes(&USD, &ALICE, &BOB)));
		System::assert_last_event(
			Event::FreezesMoved { asset: USD, from: ALICE, to: BOB, entries: 2, amount: 300 }.into(),
		);
		assert_eq!(entry_ids(USD, BOB), vec![on_bob, first, second]);
		assert_eq!(FrozenTotals::<Test>::get(USD, BOB), 350);
		assert!(!HoldingEntries::<Test>::contains_key(USD, ALICE));
		assert!(!FrozenTotals::<Test>::contains_key(USD, ALICE));
		for id in [first, second] {
			assert_eq!(Entries::<Test>::get(id).map(|entry| entry.holder), Some(BOB));
		}
		assert_eq!(ActiveEntryCount::<Test>::get(USD), 3);
		// Only USD moved; the EUR order still binds ALICE.
		assert_eq!(hook_frozen(EUR, ALICE), Some(10));
		// The lost wallet's balance can now follow its orders.
		assert_ok!(RecordingTransfer::force_move(&USD, &ALICE, &BOB, FUNDED));
		assert_eq!(hook_frozen(USD, BOB), Some(350));
		// An entry moved with recovery is lifted under its old id.
		assert_ok!(Freeze::unfreeze(RuntimeOrigin::signed(FREEZE_AGENT), first));
		assert_eq!(FrozenTotals::<Test>::get(USD, BOB), 250);
	});
}

#[test]
fn recovery_refusals_are_named_and_change_nothing() {
	new_test_ext().execute_with(|| {
		for _ in 0..3 {
			assert_ok!(freeze(ALICE, 1));
			assert_ok!(freeze(BOB, 1));
		}
		assert_noop!(Freeze::move_freezes(&USD, &ALICE, &BOB), Error::<Test>::TooManyEntries);
		assert_ok!(freeze_address(ALICE));
		assert_noop!(Freeze::move_freezes(&USD, &ALICE, &CAROL), Error::<Test>::HolderAddressFrozen);
		// Nothing to do is not an error and changes nothing.
		assert_noop_ok(|| Freeze::move_freezes(&USD, &BOB, &BOB));
		assert_noop_ok(|| Freeze::move_freezes(&USD, &CAROL, &BOB));
	});
}

fn storage_root() -> Vec<u8> {
	sp_io::storage::root(sp_runtime::StateVersion::V1)
}

/// `f` succeeds and leaves storage as it was.
fn assert_noop_ok(f: impl FnOnce() -> DispatchResult) {
	let before = storage_root();
	assert_ok!(f());
	assert_eq!(storage_root(), before);
}

// ---- forced-transfer release ------------------------------------------------

fn release(who: AccountId, amount: Balance) -> Result<Balance, DispatchError> {
	with_storage_layer(|| Freeze::release_for_forced_transfer(&USD, &who, amount))
}

#[test]
fn a_forced_transfer_releases_the_newest_entries_first() {
	new_test_ext().execute_with(|| {
		let oldest = freeze(ALICE, 100).expect("frozen");
		let middle = freeze(ALICE, 200).expect("frozen");
		let newest = freeze(ALICE, 300).expect("frozen");
		System::reset_events();
		assert_eq!(release(ALICE, 350), Ok(350));
		assert_eq!(
			events(),
			vec![
				Event::ReleasedForForcedTransfer {
					entry_id: newest,
					asset: USD,
					holder: ALICE,
					released: 300,
					remaining: 0
				},
				Event::ReleasedForForcedTransfer {
					entry_id: middle,
					asset: USD,
					holder: ALICE,
					released: 50,
					remaining: 150
				},
			]
		);
		assert!(Entries::<Test>::get(newest).is_none());
		assert_eq!(Entries::<Test>::get(middle).map(|entry| entry.amount), Some(150));
		assert_eq!(entry_ids(USD, ALICE), vec![oldest, middle]);
		assert_eq!(FrozenTotals::<Test>::get(USD, ALICE), 250);
		assert_eq!(ActiveEntryCount::<Test>::get(USD), 2);

		// Asking for more than is frozen releases what there is.
		System::reset_events();
		assert_eq!(release(ALICE, FUNDED), Ok(250));
		assert_eq!(events().len(), 2);
		assert!(!HoldingEntries::<Test>::contains_key(USD, ALICE));
		assert!(!FrozenTotals::<Test>::contains_key(USD, ALICE));
		assert!(!ActiveEntryCount::<Test>::contains_key(USD));
		assert!(Entries::<Test>::iter().next().is_none());
	});
}

#[test]
fn release_of_nothing_changes_nothing() {
	new_test_ext().execute_with(|| {
		assert_ok!(freeze(ALICE, 100));
		let before = storage_root();
		assert_eq!(release(ALICE, 0), Ok(0));
		assert_eq!(release(BOB, 100), Ok(0));
		assert_eq!(storage_root(), before);
	});
}

#[test]
fn release_refuses_a_frozen_address() {
	new_test_ext().execute_with(|| {
		assert_ok!(freeze(ALICE, 100));
		assert_ok!(freeze_address(ALICE));
		assert_noop!(
			Freeze::release_for_forced_transfer(&USD, &ALICE, 100),
			Error::<Test>::HolderAddressFrozen
		);
	});
}

#[test]
fn release_after_recovery_still_goes_newest_first() {
	new_test_ext().execute_with(|| {
		let on_carol = freeze(BOB, 10).expect("frozen");
		assert_ok!(with_storage_layer(|| Freeze::move_freezes(&USD, &BOB, &CAROL)));
		let older = freeze(ALICE, 20).expect("frozen");
		let newer = freeze(ALICE, 30).expect("frozen");
		// CAROL's own entry is older than ALICE's: the merge keeps id order.
		assert_ok!(with_storage_layer(|| Freeze::move_freezes(&USD, &ALICE, &CAROL)));
		assert_eq!(entry_ids(USD, CAROL), vec![on_carol, older, newer]);
		assert_eq!(release(CAROL, 30), Ok(30));
		assert_eq!(entry_ids(USD, CAROL), vec![on_carol, older]);
	});
}

// ---- summary ------------------------------------------------------------------

#[test]
fn summary_lists_the_active_entries() {
	new_test_ext().execute_with(|| {
		let first = freeze(ALICE, 100).expect("frozen");
		assert_ok!(Freeze::freeze(
			RuntimeOrigin::signed(FREEZE_AGENT),
			USD,
			ALICE,
			50,
			FreezeReason::DisputedTransaction,
			vec![],
		));
		let second = first + 1;
		assert_eq!(
			Freeze::summary(&USD, &ALICE),
			FreezeSummary {
				total_frozen: 150,
				address_frozen: false,
				entries: vec![
					(first, 100, FreezeReason::CourtOrder),
					(second, 50, FreezeReason::DisputedTransaction)
				],
			}
		);
		assert_ok!(freeze_address(ALICE));
		let summary = Freeze::summary(&USD, &ALICE);
		assert_eq!((summary.total_frozen, summary.address_frozen), (FUNDED, true));
		assert_eq!(Freeze::summary(&USD, &CAROL), FreezeSummary::default());
	});
}

#[test]
fn try_state_names_each_drifted_cache() {
	new_test_ext().execute_with(|| {
		assert_ok!(freeze(ALICE, 100));
		assert_ok!(freeze_address(BOB));
		assert_eq!(Freeze::do_try_state(), Ok(()));
		let check = |corrupt: fn(), expected: &str| {
			frame_support::storage::with_transaction(|| {
				corrupt();
				assert_eq!(Freeze::do_try_state(), Err(expected));
				sp_runtime::TransactionOutcome::Rollback(Ok::<(), DispatchError>(()))
			})
		};
		assert_ok!(check(|| FrozenTotals::<Test>::insert(USD, ALICE, 99), "frozen total differs from its entries"));
		assert_ok!(check(|| ActiveEntryCount::<Test>::insert(USD, 2), "active-entry count differs from the entries"));
		assert_ok!(check(|| FrozenAddressCount::<Test>::put(0), "frozen-address count drifted"));
		assert_ok!(check(|| HoldingEntries::<Test>::remove(USD, ALICE), "entry not listed once under its holding"));
		assert_eq!(Freeze::do_try_state(), Ok(()));
	});
}

// ---- invariants over random sequences -------------------------------------

const HOLDERS: [AccountId; 4] = [ALICE, BOB, CAROL, TREASURY];

#[derive(Debug, Clone)]
enum Op {
	Freeze { holder: usize, amount: Balance },
	Unfreeze { pick: usize },
	Confiscate { pick: usize, to: usize },
	Transfer { from: usize, to: usize, amount: Balance },
	/// compliant-assets' forced transfer: release what is missing, then move.
	ForcedTransfer { from: usize, to: usize, amount: Balance },
	/// compliant-assets' wallet recovery: re-key the orders, then move everything.
	Recover { from: usize, to: usize },
	FreezeAddress { who: usize },
	UnfreezeAddress { who: usize },
	Mint { who: usize, amount: Balance },
	Burn { who: usize, amount: Balance },
}

impl Op {
	/// Operations allowed to take a holding below its frozen total.
	fn is_privileged(&self) -> bool {
		matches!(self, Op::Confiscate { .. } | Op::ForcedTransfer { .. } | Op::Recover { .. })
	}
}

fn op() -> impl Strategy<Value = Op> {
	let who = 0..HOLDERS.len();
	let amount = 0..700 as Balance;
	prop_oneof![
		3 => (who.clone(), amount.clone()).prop_map(|(holder, amount)| Op::Freeze { holder, amount }),
		1 => any::<usize>().prop_map(|pick| Op::Unfreeze { pick }),
		1 => (any::<usize>(), who.clone()).prop_map(|(pick, to)| Op::Confiscate { pick, to }),
		3 => (who.clone(), who.clone(), amount.clone())
			.prop_map(|(from, to, amount)| Op::Transfer { from, to, amount }),
		1 => (who.clone(), who.clone(), amount.clone())
			.prop_map(|(from, to, amount)| Op::ForcedTransfer { from, to, amount }),
		1 => (who.clone(), who.clone()).prop_map(|(from, to)| Op::Recover { from, to }),
		1 => who.clone().prop_map(|who| Op::FreezeAddress { who }),
		1 => who.clone().prop_map(|who| Op::UnfreezeAddress { who }),
		1 => (who.clone(), amount.clone()).prop_map(|(who, amount)| Op::Mint { who, amount }),
		1 => (who, amount).prop_map(|(who, amount)| Op::Burn { who, amount }),
	]
}

/// An active entry chosen by `pick`, or an id that was never used.
fn pick_entry(pick: usize) -> EntryId {
	let mut ids: Vec<EntryId> = Entries::<Test>::iter_keys().collect();
	ids.sort_unstable();
	if ids.is_empty() {
		EntryId::MAX
	} else {
		ids[pick % ids.len()]
	}
}

fn spendable(who: AccountId) -> Balance {
	if Freeze::address_frozen(&who) {
		0
	} else {
		balance(who).saturating_sub(FrozenTotals::<Test>::get(USD, who))
	}
}

fn apply(op: &Op) -> DispatchResult {
	match *op {
		Op::Freeze { holder, amount } => freeze(HOLDERS[holder], amount).map(|_| ()),
		Op::Unfreeze { pick } =>
			Freeze::unfreeze(RuntimeOrigin::signed(FREEZE_AGENT), pick_entry(pick)),
		Op::Confiscate { pick, to } =>
			Freeze::confiscate(RuntimeOrigin::signed(FORCED_TRANSFER_AGENT), pick_entry(pick), HOLDERS[to])
				.map(|_| ())
				.map_err(|failure| failure.error),
		Op::Transfer { from, to, amount } => {
			let (from, to) = (HOLDERS[from], HOLDERS[to]);
			let expected = amount <= spendable(from);
			let result = transfer(USD, from, to, amount);
			assert_eq!(result.is_ok(), expected, "ordinary transfer vs spendable: {result:?}");
			result
		},
		Op::ForcedTransfer { from, to, amount } => with_storage_layer(|| {
			let (from, to) = (HOLDERS[from], HOLDERS[to]);
			let missing = amount.saturating_sub(spendable(from));
			Freeze::release_for_forced_transfer(&USD, &from, missing)?;
			RecordingTransfer::force_move(&USD, &from, &to, amount).map(|_| ())
		}),
		Op::Recover { from, to } => with_storage_layer(|| {
			let (from, to) = (HOLDERS[from], HOLDERS[to]);
			Freeze::move_freezes(&USD, &from, &to)?;
			RecordingTransfer::force_move(&USD, &from, &to, balance(from)).map(|_| ())
		}),
		Op::FreezeAddress { who } => freeze_address(HOLDERS[who]),
		Op::UnfreezeAddress { who } =>
			Freeze::unfreeze_address(RuntimeOrigin::signed(OFFICER), HOLDERS[who]),
		Op::Mint { who, amount } =>
			Assets::mint(RuntimeOrigin::signed(ISSUER), USD, HOLDERS[who], amount),
		Op::Burn { who, amount } =>
			Assets::burn(RuntimeOrigin::signed(ISSUER), USD, HOLDERS[who], amount),
	}
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Holding {
	balance: Balance,
	frozen: Balance,
	address_frozen: bool,
}

fn holdings() -> Vec<Holding> {
	HOLDERS
		.iter()
		.map(|who| Holding {
			balance: balance(*who),
			frozen: FrozenTotals::<Test>::get(USD, who),
			address_frozen: Freeze::address_frozen(who),
		})
		.collect()
}

fn check_state_invariants() {
	// (a) no amount is created or lost.
	let sum: Balance =
		pallet_assets::Account::<Test>::iter_prefix(USD).map(|(_, account)| account.balance).sum();
	assert_eq!(Assets::total_issuance(USD), sum, "issuance vs sum of balances");

	// (b) each cached total is the sum of its active entries, each list holds
	// exactly its holding's entries in id order, and the per-asset count is right.
	let entries: Vec<_> = Entries::<Test>::iter().collect();
	for who in HOLDERS {
		let mine: Vec<_> = entries.iter().filter(|(_, e)| e.holder == who && e.asset == USD).collect();
		let total: Balance = mine.iter().map(|(_, e)| e.amount).sum();
		assert_eq!(FrozenTotals::<Test>::get(USD, who), total, "cached total of {who}");
		let mut ids: Vec<EntryId> = mine.iter().map(|(id, _)| *id).collect();
		ids.sort_unstable();
		assert_eq!(entry_ids(USD, who), ids, "entry list of {who}");
		assert!(mine.iter().all(|(_, e)| e.amount > 0), "empty entry kept");
		// (c) as a state: a holding always covers its orders.
		assert!(balance(who) >= total, "balance of {who} below its frozen total");
	}
	assert_eq!(ActiveEntryCount::<Test>::get(USD) as usize, entries.len());
	assert_eq!(FrozenAddressCount::<Test>::get() as usize, FrozenAddresses::<Test>::iter().count());
	// The pallet's own try-state check agrees.
	assert_eq!(crate::Pallet::<Test>::do_try_state(), Ok(()));
}

fn check_transition(op: &Op, before: &[Holding], after: &[Holding]) {
	if op.is_privileged() {
		return;
	}
	for (i, (was, now)) in before.iter().zip(after).enumerate() {
		// (c) as a transition: ordinary paths never dip into frozen funds.
		if now.balance < was.balance {
			assert!(!was.address_frozen, "{op:?} debited frozen address {}", HOLDERS[i]);
			assert!(now.balance >= was.frozen, "{op:?} dipped into frozen funds of {}", HOLDERS[i]);
		}
		// Only the freeze calls change what is frozen.
		if !matches!(op, Op::Freeze { .. } | Op::Unfreeze { .. }) {
			assert_eq!(now.frozen, was.frozen, "{op:?} changed the frozen total");
		}
	}
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(128))]

	#[test]
	fn random_sequences_keep_the_freeze_invariants(ops in prop::collection::vec(op(), 1..40)) {
		new_test_ext().execute_with(|| {
			for op in &ops {
				let before = holdings();
				let result = apply(op);
				let after = holdings();
				if result.is_err() {
					prop_assert_eq!(&after, &before, "failed {:?} changed state", op);
				}
				check_state_invariants();
				check_transition(op, &before, &after);
			}
			Ok(())
		})?;
	}
}
