//! The logic behind each call; `lib.rs` only checks signatures and delegates here.

use crate::{pallet::*, types::*};
use alloc::vec::Vec;
use codec::Encode;
use frame_support::{ensure, pallet_prelude::*};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_core::H256;
use sp_runtime::{
	traits::{CheckedAdd, CheckedSub, Keccak256, Saturating, Zero},
	ArithmeticError,
};
use tokenize_primitives::{Compliance, ComplianceFailure, FundShareClasses, PermissionedSupply, Role};

impl<T: Config> Pallet<T> {
	fn now() -> BlockNumberFor<T> {
		frame_system::Pallet::<T>::block_number()
	}

	fn token_of(asset: &T::AssetId) -> Result<DepositTokenOf<T>, DispatchError> {
		DepositTokens::<T>::get(asset).ok_or_else(|| Error::<T>::UnknownDepositToken.into())
	}

	/// `who` is the token's issuer and still holds `MintOperator` (a revoked
	/// role disables the issuer at once).
	fn ensure_issuer(who: &T::AccountId, token: &DepositTokenOf<T>) -> DispatchResult {
		ensure!(who == &token.issuer, Error::<T>::NotIssuer);
		ensure!(T::Compliance::has_role(who, Role::MintOperator), Error::<T>::IssuerNotMintOperator);
		Ok(())
	}

	/// `who` is the token's depositary and still holds `Depositary` in good
	/// standing: for the acts that let minting go on (attest, lift a pause).
	fn ensure_depositary(who: &T::AccountId, token: &DepositTokenOf<T>) -> DispatchResult {
		Self::ensure_depositary_by(who, token, T::Compliance::has_role)
	}

	/// `who` is the token's depositary with a live identity holding
	/// `Depositary`, whatever its standing: for the brake, which no
	/// compliance action may take away (a sanction stops what enables
	/// minting, never what stops it).
	fn ensure_depositary_brake(who: &T::AccountId, token: &DepositTokenOf<T>) -> DispatchResult {
		Self::ensure_depositary_by(who, token, T::Compliance::holds_role)
	}

	fn ensure_depositary_by(
		who: &T::AccountId,
		token: &DepositTokenOf<T>,
		holds: fn(&T::AccountId, Role) -> bool,
	) -> DispatchResult {
		ensure!(who == &token.depositary, Error::<T>::NotDepositary);
		ensure!(holds(who, Role::Depositary), Error::<T>::DepositaryLacksRole);
		Ok(())
	}

	// ---- configuration --------------------------------------------------

	pub(crate) fn do_set_deposit_token(asset: T::AssetId, token: DepositTokenOf<T>) -> DispatchResult {
		ensure!(T::Supply::is_permissioned(&asset), Error::<T>::NotPermissioned);
		ensure!(!T::Funds::is_share_class(&asset), Error::<T>::ShareClassOfAFund);
		ensure!(T::Compliance::has_role(&token.issuer, Role::MintOperator), Error::<T>::IssuerNotMintOperator);
		ensure!(T::Compliance::has_role(&token.depositary, Role::Depositary), Error::<T>::DepositaryLacksRole);
		ensure!(
			!T::Compliance::same_legal_entity(&token.issuer, &token.depositary),
			Error::<T>::DepositaryNotIndependent
		);
		let valid_policy = !token.clearing_window.is_zero()
			&& !token.max_attestation_age.is_zero()
			&& token.max_attestation_age <= T::MaxAttestationAge::get()
			&& !token.min_redemption.is_zero();
		ensure!(valid_policy, Error::<T>::InvalidPolicy);
		if DepositaryPauses::<T>::contains_key(asset) {
			// Swapping the depositary would be a way around its pause. A
			// pause outlives even a depositary that can no longer act: then
			// only a runtime upgrade (the council's proposal, after its
			// delay, in front of every bank) changes anything.
			let same = DepositTokens::<T>::get(asset).is_some_and(|old| old.depositary == token.depositary);
			ensure!(same, Error::<T>::DepositaryPauseInForce);
		}
		DepositTokens::<T>::insert(asset, &token);
		Self::deposit_event(Event::DepositTokenSet { asset, token });
		Ok(())
	}

	/// A genesis token: its configuration through the same checks as the
	/// call, then its first attestation as of block 0.
	pub(crate) fn build_genesis_token(
		genesis: &GenesisDepositToken<T::AssetId, T::AccountId, T::Balance, BlockNumberFor<T>>,
	) -> DispatchResult {
		Self::do_set_deposit_token(genesis.asset, genesis.token.clone())?;
		Self::record_attestation(genesis.asset, ReserveStatement { as_of: Zero::zero(), ..genesis.statement.clone() })
	}

	// ---- deposits -------------------------------------------------------

	pub(crate) fn do_record_deposit(
		who: T::AccountId,
		asset: T::AssetId,
		receiver: T::AccountId,
		amount: T::Balance,
		deposit_ref: DepositRef,
	) -> DispatchResult {
		let token = Self::token_of(&asset)?;
		Self::ensure_issuer(&who, &token)?;
		// First of the business checks: a retry of a recorded credit always
		// hears that it was recorded, whatever else changed since.
		ensure!(!Deposits::<T>::contains_key(deposit_ref), Error::<T>::DepositReferenceUsed);
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		Self::ensure_mintable(&asset, &token, amount)?;
		let pending = PendingCount::<T>::get(asset);
		ensure!(pending < T::MaxPendingDeposits::get(), Error::<T>::TooManyPendingDeposits);

		T::Supply::issue(&asset, &receiver, amount, &who)?;
		Self::hold_uncleared(&asset, &receiver, amount)?;
		let now = Self::now();
		Deposits::<T>::insert(
			deposit_ref,
			Deposit {
				asset,
				receiver: receiver.clone(),
				amount,
				status: DepositStatus::Pending,
				recorded_at: now,
				settled_at: None,
				reversal: None,
			},
		);
		PendingDeposits::<T>::insert(asset, deposit_ref, ());
		PendingCount::<T>::insert(asset, pending.saturating_add(1));
		SupplyChangedAt::<T>::insert(asset, now);
		Self::deposit_event(Event::DepositRecorded { deposit_ref, asset, receiver, amount });
		Ok(())
	}

	/// The backing checks of a mint: the depositary has not paused the
	/// token, its last attestation is fresh, and what the token owes plus
	/// `amount` stays within the attested fiat.
	fn ensure_mintable(asset: &T::AssetId, token: &DepositTokenOf<T>, amount: T::Balance) -> DispatchResult {
		ensure!(!DepositaryPauses::<T>::contains_key(asset), Error::<T>::PausedByDepositary);
		let attestation = LatestAttestation::<T>::get(asset).ok_or(Error::<T>::NoAttestation)?;
		ensure!(!Self::is_stale(&attestation, token), Error::<T>::AttestationStale);
		let after = Self::owed_against_attestation(asset).checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		ensure!(after <= attestation.fiat_balance, Error::<T>::InsufficientBacking);
		Ok(())
	}

	/// What the last attested fiat must cover now: the supply (provisional
	/// tokens included, since they are minted), the open redemptions (burnt,
	/// their euros still owed out of the reserve) and what was paid out of
	/// the reserve since the attestation. Payouts and refunds move amounts
	/// between these terms without changing the sum; only mints raise it.
	fn owed_against_attestation(asset: &T::AssetId) -> T::Balance {
		T::Supply::total_issuance(asset)
			.saturating_add(OutstandingRedemptions::<T>::get(asset))
			.saturating_add(PaidSinceAttestation::<T>::get(asset))
	}

	fn is_stale(attestation: &AttestationOf<T>, token: &DepositTokenOf<T>) -> bool {
		Self::now().saturating_sub(attestation.as_of) > token.max_attestation_age
	}

	/// The issuer's act on a pending deposit: the deposit, once the caller
	/// is checked as its token's issuer.
	fn pending_deposit(who: &T::AccountId, deposit_ref: &DepositRef) -> Result<DepositOf<T>, DispatchError> {
		let deposit = Deposits::<T>::get(deposit_ref).ok_or(Error::<T>::UnknownDeposit)?;
		Self::ensure_issuer(who, &Self::token_of(&deposit.asset)?)?;
		ensure!(deposit.status == DepositStatus::Pending, Error::<T>::DepositNotPending);
		Ok(deposit)
	}

	/// Closes a pending deposit: releases its provisional hold and records
	/// the outcome.
	fn settle_deposit(
		deposit_ref: DepositRef,
		mut deposit: DepositOf<T>,
		status: DepositStatus,
		reversal: Option<ReversalReason>,
	) -> Result<DepositOf<T>, DispatchError> {
		Self::release_uncleared(&deposit.asset, &deposit.receiver, deposit.amount)?;
		deposit.status = status;
		deposit.settled_at = Some(Self::now());
		deposit.reversal = reversal;
		Deposits::<T>::insert(deposit_ref, &deposit);
		PendingDeposits::<T>::remove(deposit.asset, deposit_ref);
		PendingCount::<T>::mutate(deposit.asset, |count| *count = count.saturating_sub(1));
		Ok(deposit)
	}

	pub(crate) fn do_confirm_clearing(who: T::AccountId, deposit_ref: DepositRef) -> DispatchResult {
		let deposit = Self::pending_deposit(&who, &deposit_ref)?;
		let Deposit { asset, receiver, amount, .. } =
			Self::settle_deposit(deposit_ref, deposit, DepositStatus::Cleared, None)?;
		Self::deposit_event(Event::DepositCleared { deposit_ref, asset, receiver, amount });
		Ok(())
	}

	/// Releases the hold first, so that the burn of exactly the provisional
	/// amount is an ordinary burn of now-unheld tokens (amount-level freezes
	/// never cover provisional tokens, so they are all there).
	pub(crate) fn do_reverse_deposit(who: T::AccountId, deposit_ref: DepositRef, reason: ReversalReason) -> DispatchResult {
		let deposit = Self::pending_deposit(&who, &deposit_ref)?;
		let Deposit { asset, receiver, amount, .. } =
			Self::settle_deposit(deposit_ref, deposit, DepositStatus::Reversed, Some(reason))?;
		T::Supply::retract(&asset, &receiver, amount, &who)?;
		SupplyChangedAt::<T>::insert(asset, Self::now());
		Self::deposit_event(Event::DepositReversed { deposit_ref, asset, receiver, amount, reason });
		Ok(())
	}

	fn hold_uncleared(asset: &T::AssetId, who: &T::AccountId, amount: T::Balance) -> DispatchResult {
		let held = Uncleared::<T>::get(asset, who).checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		let total = UnclearedTotal::<T>::get(asset).checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		Uncleared::<T>::insert(asset, who, held);
		UnclearedTotal::<T>::insert(asset, total);
		Ok(())
	}

	/// The hold always covers the deposit being settled (it was added when
	/// the deposit was recorded and only its own settlement removes it).
	fn release_uncleared(asset: &T::AssetId, who: &T::AccountId, amount: T::Balance) -> DispatchResult {
		let held = Uncleared::<T>::get(asset, who).checked_sub(&amount).ok_or(ArithmeticError::Underflow)?;
		let total = UnclearedTotal::<T>::get(asset).checked_sub(&amount).ok_or(ArithmeticError::Underflow)?;
		if held.is_zero() {
			Uncleared::<T>::remove(asset, who);
		} else {
			Uncleared::<T>::insert(asset, who, held);
		}
		UnclearedTotal::<T>::insert(asset, total);
		Ok(())
	}

	// ---- redemptions ----------------------------------------------------

	/// A sanctioned or unverified holder may not turn tokens into a payout
	/// to an account the chain cannot see.
	pub(crate) fn do_redeem(
		holder: T::AccountId,
		asset: T::AssetId,
		amount: T::Balance,
		payout_account: H256,
	) -> DispatchResult {
		let token = Self::token_of(&asset)?;
		ensure!(amount >= token.min_redemption, Error::<T>::BelowMinimumRedemption);
		T::Compliance::check_compliance(&holder).map_err(Self::redeemer_error)?;
		let open = OpenRedemptions::<T>::get(asset, &holder);
		ensure!(open < T::MaxOpenRedemptions::get(), Error::<T>::TooManyOpenRedemptions);
		let id = NextRedemptionId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let outstanding = OutstandingRedemptions::<T>::get(asset).checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		T::Supply::destroy(&asset, &holder, amount, &holder)?;
		OpenRedemptions::<T>::insert(asset, &holder, open.saturating_add(1));
		OutstandingRedemptions::<T>::insert(asset, outstanding);
		let now = Self::now();
		Redemptions::<T>::insert(
			id,
			Redemption {
				asset,
				holder: holder.clone(),
				amount,
				payout_account,
				status: RedemptionStatus::Requested,
				requested_at: now,
				settled_at: None,
				sepa_ref: None,
				failure: None,
			},
		);
		NextRedemptionId::<T>::put(next);
		SupplyChangedAt::<T>::insert(asset, now);
		Self::deposit_event(Event::RedemptionRequested { id, asset, holder, amount, payout_account });
		Ok(())
	}

	fn redeemer_error(failure: ComplianceFailure) -> DispatchError {
		match failure {
			ComplianceFailure::Sanctioned => Error::<T>::RedeemerSanctioned,
			ComplianceFailure::JurisdictionBlocked => Error::<T>::RedeemerJurisdictionBlocked,
			ComplianceFailure::NotRegistered
			| ComplianceFailure::Pending
			| ComplianceFailure::Revoked
			| ComplianceFailure::Expired => Error::<T>::RedeemerNotVerified,
		}
		.into()
	}

	/// The issuer's act on an open redemption.
	fn open_redemption(who: &T::AccountId, id: RedemptionId) -> Result<RedemptionOf<T>, DispatchError> {
		let redemption = Redemptions::<T>::get(id).ok_or(Error::<T>::UnknownRedemption)?;
		let token = Self::token_of(&redemption.asset)?;
		Self::ensure_issuer(who, &token)?;
		ensure!(redemption.status == RedemptionStatus::Requested, Error::<T>::RedemptionSettled);
		Ok(redemption)
	}

	/// Takes a settled redemption off the open books (the amount was counted
	/// when it was requested, so it is there to take off).
	fn close_redemption(redemption: &RedemptionOf<T>) {
		OutstandingRedemptions::<T>::mutate(redemption.asset, |owed| *owed = owed.saturating_sub(redemption.amount));
		OpenRedemptions::<T>::mutate_exists(redemption.asset, &redemption.holder, |open| {
			*open = open.and_then(|n| n.checked_sub(1)).filter(|n| *n > 0);
		});
	}

	pub(crate) fn do_confirm_payout(who: T::AccountId, id: RedemptionId, sepa_ref: H256) -> DispatchResult {
		let mut redemption = Self::open_redemption(&who, id)?;
		let paid = PaidSinceAttestation::<T>::get(redemption.asset)
			.checked_add(&redemption.amount)
			.ok_or(Error::<T>::Overflow)?;
		Self::close_redemption(&redemption);
		PaidSinceAttestation::<T>::insert(redemption.asset, paid);
		redemption.status = RedemptionStatus::Paid;
		redemption.settled_at = Some(Self::now());
		redemption.sepa_ref = Some(sepa_ref);
		Redemptions::<T>::insert(id, redemption);
		Self::deposit_event(Event::PayoutConfirmed { id, sepa_ref });
		Ok(())
	}

	pub(crate) fn do_fail_payout(who: T::AccountId, id: RedemptionId, reason: PayoutFailure) -> DispatchResult {
		let mut redemption = Self::open_redemption(&who, id)?;
		T::Supply::restore(&redemption.asset, &redemption.holder, redemption.amount, &who)?;
		Self::close_redemption(&redemption);
		let now = Self::now();
		redemption.status = RedemptionStatus::Failed;
		redemption.settled_at = Some(now);
		redemption.failure = Some(reason);
		SupplyChangedAt::<T>::insert(redemption.asset, now);
		let (holder, amount) = (redemption.holder.clone(), redemption.amount);
		Redemptions::<T>::insert(id, redemption);
		Self::deposit_event(Event::PayoutFailed { id, reason, holder, amount });
		Ok(())
	}

	// ---- the depositary -------------------------------------------------

	pub(crate) fn do_attest_backing(
		who: T::AccountId,
		asset: T::AssetId,
		statement: ReserveStatementOf<T>,
	) -> DispatchResult {
		let token = Self::token_of(&asset)?;
		Self::ensure_depositary(&who, &token)?;
		ensure!(statement.as_of <= Self::now(), Error::<T>::AsOfInFuture);
		let in_order = LatestAttestation::<T>::get(asset).is_none_or(|last| statement.as_of >= last.as_of);
		ensure!(in_order, Error::<T>::AttestationOutOfOrder);
		Self::record_attestation(asset, statement)
	}

	/// Stores an attestation beside the chain's own figures and says when
	/// they disagree.
	fn record_attestation(asset: T::AssetId, statement: ReserveStatementOf<T>) -> DispatchResult {
		let ReserveStatement { fiat_balance, liabilities, reserve_root, report_hash, as_of } = statement;
		let chain_supply = T::Supply::total_issuance(&asset);
		// The supply at `as_of` is the supply now exactly when it has not
		// changed in a later block.
		let comparable = SupplyChangedAt::<T>::get(asset).is_none_or(|changed| changed <= as_of);
		let supply_check = match (comparable, liabilities == chain_supply) {
			(false, _) => SupplyCheck::NotComparable,
			(true, true) => SupplyCheck::Matches,
			(true, false) => SupplyCheck::Mismatch,
		};
		let outstanding_redemptions = OutstandingRedemptions::<T>::get(asset);
		let attestation = Attestation {
			fiat_balance,
			liabilities,
			reserve_root,
			report_hash,
			as_of,
			attested_at: Self::now(),
			chain_supply,
			uncleared: UnclearedTotal::<T>::get(asset),
			outstanding_redemptions,
			supply_check,
		};
		// The new fiat figure already reflects every payout made so far.
		PaidSinceAttestation::<T>::remove(asset);
		AttestationHistory::<T>::mutate(asset, |history| {
			if history.is_full() && !history.is_empty() {
				history.remove(0);
			}
			// Cannot fail after the removal; a bound of zero keeps no history.
			let _ = history.try_push(attestation.clone());
		});
		LatestAttestation::<T>::insert(asset, &attestation);
		Self::deposit_event(Event::BackingAttested { asset, attestation });
		if supply_check == SupplyCheck::Mismatch {
			Self::deposit_event(Event::SupplyMismatch { asset, attested: liabilities, on_chain: chain_supply });
		}
		let owed = chain_supply.saturating_add(outstanding_redemptions);
		if fiat_balance < owed {
			Self::deposit_event(Event::BackingShortfall { asset, fiat_balance, owed });
		}
		Ok(())
	}

	pub(crate) fn do_depositary_pause(who: T::AccountId, asset: T::AssetId) -> DispatchResult {
		let token = Self::token_of(&asset)?;
		Self::ensure_depositary_brake(&who, &token)?;
		ensure!(!DepositaryPauses::<T>::contains_key(asset), Error::<T>::AlreadyPaused);
		DepositaryPauses::<T>::insert(asset, Self::now());
		Self::deposit_event(Event::DepositaryPaused { asset, depositary: who });
		Ok(())
	}

	pub(crate) fn do_depositary_resume(who: T::AccountId, asset: T::AssetId) -> DispatchResult {
		let token = Self::token_of(&asset)?;
		Self::ensure_depositary(&who, &token)?;
		ensure!(DepositaryPauses::<T>::take(asset).is_some(), Error::<T>::NotPaused);
		Self::deposit_event(Event::DepositaryResumed { asset, depositary: who });
		Ok(())
	}

	// ---- read side (runtime API) ----------------------------------------

	/// A token's backing as the runtime API reports it.
	pub fn backing_status(asset: &T::AssetId) -> Option<BackingStatus<T::Balance, BlockNumberFor<T>>> {
		let token = DepositTokens::<T>::get(asset)?;
		let supply = T::Supply::total_issuance(asset);
		let paused = DepositaryPauses::<T>::contains_key(asset);
		let latest = LatestAttestation::<T>::get(asset);
		let stale = latest.as_ref().is_none_or(|attestation| Self::is_stale(attestation, &token));
		let headroom = match &latest {
			Some(attestation) if !stale && !paused => {
				attestation.fiat_balance.saturating_sub(Self::owed_against_attestation(asset))
			},
			_ => Zero::zero(),
		};
		Some(BackingStatus {
			supply,
			uncleared: UnclearedTotal::<T>::get(asset),
			outstanding_redemptions: OutstandingRedemptions::<T>::get(asset),
			paid_since_attestation: PaidSinceAttestation::<T>::get(asset),
			attested_fiat: latest.as_ref().map(|a| a.fiat_balance),
			attested_as_of: latest.as_ref().map(|a| a.as_of),
			attestation_age: latest.as_ref().map(|a| Self::now().saturating_sub(a.as_of)),
			stale,
			headroom,
			paused,
		})
	}

	/// Provisional deposits of `asset` recorded more than the token's
	/// clearing window ago, oldest first.
	pub fn overdue_deposits(asset: &T::AssetId) -> Vec<(DepositRef, DepositOf<T>)> {
		let Some(token) = DepositTokens::<T>::get(asset) else { return Vec::new() };
		let now = Self::now();
		let mut overdue: Vec<_> = PendingDeposits::<T>::iter_key_prefix(asset)
			.filter_map(|deposit_ref| Deposits::<T>::get(deposit_ref).map(|deposit| (deposit_ref, deposit)))
			.filter(|(_, deposit)| now.saturating_sub(deposit.recorded_at) > token.clearing_window)
			.collect();
		overdue.sort_by(|a, b| a.1.recorded_at.cmp(&b.1.recorded_at).then(a.0.cmp(&b.0)));
		overdue
	}

	// ---- the liability tree ---------------------------------------------

	/// The leaves of a liability tree: `(account, balance)` SCALE-encoded,
	/// zero balances left out, ordered by the encoded account.
	fn liability_leaves(holdings: Vec<(T::AccountId, T::Balance)>) -> Vec<(Vec<u8>, T::AccountId, T::Balance)> {
		let mut leaves: Vec<_> = holdings
			.into_iter()
			.filter(|(_, balance)| !balance.is_zero())
			.map(|(who, balance)| ((who.clone(), balance).encode(), who, balance))
			.collect();
		leaves.sort_by_cached_key(|(_, who, _)| who.encode());
		leaves
	}

	/// Root, total and size of the liability tree of `holdings` (every
	/// holder's balance of one token at one block). The runtime API calls
	/// this with pallet-assets' accounts; the genesis preset with its
	/// holdings.
	pub fn liability_tree(holdings: Vec<(T::AccountId, T::Balance)>) -> LiabilityTree<T::Balance> {
		let leaves = Self::liability_leaves(holdings);
		let total = leaves.iter().fold(T::Balance::zero(), |sum, (_, _, balance)| sum.saturating_add(*balance));
		let leaf_count = u32::try_from(leaves.len()).unwrap_or(u32::MAX);
		let root = binary_merkle_tree::merkle_root::<Keccak256, _>(leaves.iter().map(|(leaf, _, _)| leaf));
		LiabilityTree { root, total, leaf_count }
	}

	/// The inclusion proof of `holder`'s leaf in the tree of `holdings`, or
	/// `None` when `holder` holds nothing.
	pub fn liability_proof(
		holdings: Vec<(T::AccountId, T::Balance)>,
		holder: &T::AccountId,
	) -> Option<LiabilityProof<T::AccountId, T::Balance>> {
		let leaves = Self::liability_leaves(holdings);
		let index = leaves.iter().position(|(_, who, _)| who == holder)?;
		let balance = leaves.get(index)?.2;
		let leaf_index = u32::try_from(index).ok()?;
		let proof = binary_merkle_tree::merkle_proof::<Keccak256, _, _>(
			leaves.iter().map(|(leaf, _, _)| leaf.as_slice()),
			leaf_index,
		);
		Some(LiabilityProof {
			holder: holder.clone(),
			balance,
			leaf_index,
			leaf_count: proof.number_of_leaves,
			proof: proof.proof,
		})
	}

	/// Whether `proof` shows its holder's balance in the last attested tree
	/// of `asset`. A changed balance, holder or position gives `false`.
	pub fn verify_liability(asset: &T::AssetId, proof: &LiabilityProof<T::AccountId, T::Balance>) -> bool {
		let Some(attestation) = LatestAttestation::<T>::get(asset) else { return false };
		let leaf = (proof.holder.clone(), proof.balance).encode();
		binary_merkle_tree::verify_proof::<Keccak256, _, _>(
			&attestation.reserve_root,
			proof.proof.iter().copied(),
			proof.leaf_count,
			proof.leaf_index,
			&leaf,
		)
	}

	// ---- invariants -----------------------------------------------------

	/// The provisional holds are exactly the pending deposits: per holding,
	/// per token, and in the pending index. Run by the `try_state` hook and
	/// by the tests.
	pub fn do_try_state() -> Result<(), &'static str> {
		use alloc::collections::btree_map::BTreeMap;
		let mut expected: BTreeMap<(T::AssetId, Vec<u8>), T::Balance> = BTreeMap::new();
		let mut totals: BTreeMap<T::AssetId, T::Balance> = BTreeMap::new();
		let mut counts: BTreeMap<T::AssetId, u32> = BTreeMap::new();
		for (deposit_ref, deposit) in Deposits::<T>::iter() {
			let indexed = PendingDeposits::<T>::contains_key(deposit.asset, deposit_ref);
			ensure!(indexed == (deposit.status == DepositStatus::Pending), "pending index out of step");
			if deposit.status == DepositStatus::Pending {
				let key = (deposit.asset, deposit.receiver.encode());
				let held = expected.entry(key).or_default();
				*held = held.saturating_add(deposit.amount);
				let total = totals.entry(deposit.asset).or_default();
				*total = total.saturating_add(deposit.amount);
				let count = counts.entry(deposit.asset).or_default();
				*count = count.saturating_add(1);
			}
		}
		for (asset, who, held) in Uncleared::<T>::iter() {
			ensure!(expected.remove(&(asset, who.encode())) == Some(held), "a provisional hold differs from its deposits");
		}
		ensure!(expected.is_empty(), "a pending deposit has no provisional hold");
		for (asset, total) in UnclearedTotal::<T>::iter() {
			ensure!(totals.remove(&asset).unwrap_or_default() == total, "provisional total out of step");
		}
		ensure!(totals.values().all(|total| total.is_zero()), "a token's provisional total is missing");
		for (asset, count) in PendingCount::<T>::iter() {
			ensure!(counts.remove(&asset).unwrap_or_default() == count, "pending count out of step");
		}
		ensure!(counts.is_empty(), "a token's pending count is missing");
		Self::redemptions_try_state()
	}

	/// The open-redemption books are exactly the `Requested` redemptions.
	fn redemptions_try_state() -> Result<(), &'static str> {
		use alloc::collections::btree_map::BTreeMap;
		let mut owed: BTreeMap<T::AssetId, T::Balance> = BTreeMap::new();
		let mut open: BTreeMap<(T::AssetId, Vec<u8>), u32> = BTreeMap::new();
		for (_, redemption) in Redemptions::<T>::iter() {
			if redemption.status == RedemptionStatus::Requested {
				let sum = owed.entry(redemption.asset).or_default();
				*sum = sum.saturating_add(redemption.amount);
				let count = open.entry((redemption.asset, redemption.holder.encode())).or_default();
				*count = count.saturating_add(1);
			}
		}
		for (asset, amount) in OutstandingRedemptions::<T>::iter() {
			ensure!(owed.remove(&asset).unwrap_or_default() == amount, "outstanding redemptions out of step");
		}
		ensure!(owed.values().all(|amount| amount.is_zero()), "a token's outstanding redemptions are missing");
		for (asset, holder, count) in OpenRedemptions::<T>::iter() {
			ensure!(open.remove(&(asset, holder.encode())) == Some(count), "open redemptions of a holder out of step");
		}
		ensure!(open.is_empty(), "a holder's open redemptions are missing");
		Ok(())
	}
}
