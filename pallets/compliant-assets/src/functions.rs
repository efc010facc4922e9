//! The logic behind each call; `lib.rs` only checks origins and delegates here.

use crate::{pallet::*, types::*, weights::WeightInfo};
use alloc::vec::Vec;
use frame_support::{
	ensure,
	pallet_prelude::{BoundedVec, DispatchError, DispatchResult, Weight},
	traits::{
		fungibles::{Create, Inspect, Mutate},
		tokens::{Fortitude, Precision, Preservation},
		Get, UnixTime,
	},
};
use frame_system::pallet_prelude::OriginFor;
use sp_runtime::traits::{AccountIdConversion, CheckedAdd, One, Saturating, Zero};
use tokenize_primitives::{
	Breaker, BreakerRefusal, Compliance, ComplianceFailure, DepositTokens, Freezes, Jurisdiction,
	OperationKind, PaymentEscrow, OnHoldingChange, RedemptionLocks, Role,
};

impl<T: Config> Pallet<T> {
	/// The account that owns and administers every permissioned asset in
	/// pallet-assets. Nobody holds its key.
	pub fn account_id() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	/// Current Unix time in seconds.
	pub fn now() -> u64 {
		T::TimeProvider::now().as_secs()
	}

	/// Whether `who` is an agent of `asset` holding `role` and in good standing.
	pub fn is_active_agent(asset: &T::AssetId, who: &T::AccountId, role: AgentRole) -> bool {
		Agents::<T>::get(asset, who).is_some_and(|roles| roles.contains(role))
			&& Self::in_good_standing(who)
	}

	/// An agent acts only while its identity is verified and not sanctioned:
	/// a sanctioned agent loses its powers at once, as a sanctioned role
	/// holder does. A blocked jurisdiction alone does not disable it (the
	/// registry's rule for roles), so one block cannot paralyse an issuer.
	fn in_good_standing(who: &T::AccountId) -> bool {
		matches!(T::Compliance::check_compliance(who), Ok(()) | Err(ComplianceFailure::JurisdictionBlocked))
	}

	/// ERC-1404 pre-check: `Ok` when `from` may transfer `amount` of `asset` to
	/// `to` right now, otherwise exactly the error [`Pallet::transfer`] would
	/// fail with. Moves and counts nothing (the throttle is only read).
	pub fn can_transfer(
		asset: T::AssetId,
		from: &T::AccountId,
		to: &T::AccountId,
		amount: T::Balance,
	) -> DispatchResult {
		Self::ensure_transfer_allowed(&asset, from, to, amount)?;
		T::Breaker::check_operation(OperationKind::AssetTransfer, &asset, from, amount).map_err(Self::breaker_error)
	}

	/// The signed caller, when it is a verified agent of `asset` holding `role`.
	pub(crate) fn ensure_agent(
		origin: OriginFor<T>,
		asset: &T::AssetId,
		role: AgentRole,
	) -> Result<T::AccountId, DispatchError> {
		let who = frame_system::ensure_signed(origin)?;
		let holds_role = Agents::<T>::get(asset, &who).is_some_and(|roles| roles.contains(role));
		ensure!(holds_role, Error::<T>::MissingAgentRole);
		ensure!(Self::in_good_standing(&who), Error::<T>::AgentNotVerified);
		Ok(who)
	}

	// ---- administration -------------------------------------------------

	pub(crate) fn do_create_asset(
		id: T::AssetId,
		name: Vec<u8>,
		symbol: Vec<u8>,
		decimals: u8,
		rules: RulesInputOf<T>,
	) -> DispatchResult {
		ensure!(!Rules::<T>::contains_key(id), Error::<T>::AssetAlreadyExists);
		ensure!(!T::Assets::asset_exists(id), Error::<T>::AssetIdInUse);
		let name = Self::non_empty_text(name, Error::<T>::EmptyName, Error::<T>::NameTooLong)?;
		let symbol = Self::non_empty_text(symbol, Error::<T>::EmptySymbol, Error::<T>::SymbolTooLong)?;
		let rules = Self::checked_rules(rules)?;
		// Sufficient: holders need no native balance. Minimum one unit, so any
		// non-zero holding is an account and a zero one is reaped.
		T::Assets::create(id, Self::account_id(), true, One::one())?;
		Rules::<T>::insert(id, rules.clone());
		Profiles::<T>::insert(id, AssetProfile { name: name.clone(), symbol: symbol.clone(), decimals });
		Self::deposit_event(Event::AssetCreated { asset: id, name, symbol, decimals, rules });
		Ok(())
	}

	/// Creates a genesis asset, appoints its agents and mints its first
	/// holdings (issued by this pallet's account), each through the checks
	/// of the corresponding call.
	pub(crate) fn build_genesis_asset(asset: &GenesisAssetOf<T>) -> DispatchResult {
		let id = asset.id;
		Self::do_create_asset(id, asset.name.clone(), asset.symbol.clone(), asset.decimals, asset.rules.clone())?;
		for (who, roles) in &asset.agents {
			Self::do_add_agent(id, who.clone(), AgentRoles::from_roles(roles).bits())?;
		}
		for (holder, amount) in &asset.holdings {
			Self::do_mint(Self::account_id(), id, holder.clone(), *amount)?;
		}
		for (name, uri, hash) in &asset.documents {
			Self::do_set_document(id, name.clone(), uri.clone(), *hash)?;
		}
		Ok(())
	}

	pub(crate) fn do_set_rules(asset: T::AssetId, rules: RulesInputOf<T>) -> DispatchResult {
		Self::rules_of(&asset)?;
		let rules = Self::checked_rules(rules)?;
		Rules::<T>::insert(asset, rules.clone());
		Self::deposit_event(Event::RulesSet { asset, rules });
		Ok(())
	}

	pub(crate) fn do_add_agent(asset: T::AssetId, who: T::AccountId, bits: u8) -> DispatchResult {
		Self::rules_of(&asset)?;
		let roles = AgentRoles::from_bits(bits).ok_or(Error::<T>::UnknownAgentRole)?;
		ensure!(!roles.is_empty(), Error::<T>::NoAgentRoles);
		ensure!(!roles.combines_freeze_and_forced_transfer(), Error::<T>::FreezeAndForcedTransferCombined);
		ensure!(Self::in_good_standing(&who), Error::<T>::AgentNotVerified);
		Agents::<T>::insert(asset, &who, roles);
		Self::deposit_event(Event::AgentAppointed { asset, who, roles });
		Ok(())
	}

	pub(crate) fn do_remove_agent(asset: T::AssetId, who: T::AccountId) -> DispatchResult {
		Self::rules_of(&asset)?;
		ensure!(Agents::<T>::take(asset, &who).is_some(), Error::<T>::NotAnAgent);
		Self::deposit_event(Event::AgentRemoved { asset, who });
		Ok(())
	}

	pub(crate) fn do_set_document(
		asset: T::AssetId,
		name: Vec<u8>,
		uri: Vec<u8>,
		hash: DocumentHash,
	) -> DispatchResult {
		Self::rules_of(&asset)?;
		let name = Self::document_name(name)?;
		let uri: BoundedVec<u8, T::MaxUriLen> = uri.try_into().map_err(|_| Error::<T>::UriTooLong)?;
		if !Documents::<T>::contains_key(asset, &name) {
			DocumentCount::<T>::try_mutate(asset, |count| -> DispatchResult {
				ensure!(*count < T::MaxDocuments::get(), Error::<T>::TooManyDocuments);
				*count = count.saturating_add(1);
				Ok(())
			})?;
		}
		Documents::<T>::insert(asset, &name, Document { uri: uri.clone(), hash, updated_at: Self::now() });
		Self::deposit_event(Event::DocumentSet { asset, name, uri, hash });
		Ok(())
	}

	pub(crate) fn do_remove_document(asset: T::AssetId, name: Vec<u8>) -> DispatchResult {
		Self::rules_of(&asset)?;
		let name = Self::document_name(name)?;
		ensure!(Documents::<T>::take(asset, &name).is_some(), Error::<T>::UnknownDocument);
		DocumentCount::<T>::mutate(asset, |count| *count = count.saturating_sub(1));
		Self::deposit_event(Event::DocumentRemoved { asset, name });
		Ok(())
	}

	// ---- supply ---------------------------------------------------------

	/// Issues `amount` to `to` after the receiver-side checks and the mint
	/// throttle; `agent` is recorded in the event. Public so that the runtime
	/// can let an issuing pallet (mint escrow, fund vault) mint through the
	/// same checks and holder bookkeeping.
	pub fn do_mint(
		agent: T::AccountId,
		asset: T::AssetId,
		to: T::AccountId,
		amount: T::Balance,
	) -> DispatchResult {
		let rules = Self::rules_of(&asset)?;
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		Self::ensure_receiver_side(&asset, &rules, &to, amount, None)?;
		Self::ensure_supply_room(&asset, amount)?;
		Self::note_operation(OperationKind::Mint, &asset, &agent, amount)?;
		Self::mint_holding(agent, asset, to, amount)
	}

	/// Destroys `amount` of `from`'s spendable holding after the breaker and
	/// the burn throttle. Frozen amounts cannot be burnt. Public for the same
	/// reason as [`Self::do_mint`].
	pub fn do_burn(
		agent: T::AccountId,
		asset: T::AssetId,
		from: T::AccountId,
		amount: T::Balance,
	) -> DispatchResult {
		Self::rules_of(&asset)?;
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		Self::ensure_open(&asset, &[&from])?;
		Self::ensure_spendable(&asset, &from, amount)?;
		Self::note_operation(OperationKind::Burn, &asset, &agent, amount)?;
		Self::burn_holding(agent, asset, from, amount)
	}

	/// Takes back tokens that were never spendable (the mint escrow's
	/// reversal of a deposit that did not clear). An address freeze still
	/// holds: pallet-assets refuses the debit, and the refusal is named.
	pub(crate) fn do_retract(
		issuer: T::AccountId,
		asset: T::AssetId,
		from: T::AccountId,
		amount: T::Balance,
	) -> DispatchResult {
		Self::rules_of(&asset)?;
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		ensure!(!T::Freezes::is_address_frozen(&from), Error::<T>::AddressFrozen);
		Self::ensure_spendable(&asset, &from, amount)?;
		Self::burn_holding(issuer, asset, from, amount)
	}

	/// Gives a holder back tokens it had (the mint escrow's refund of a
	/// failed payout): no receiver rule, breaker or throttle applies, since
	/// nothing new is owed; the holder's standing binds what it may do next.
	pub(crate) fn do_restore(
		issuer: T::AccountId,
		asset: T::AssetId,
		to: T::AccountId,
		amount: T::Balance,
	) -> DispatchResult {
		Self::rules_of(&asset)?;
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		Self::ensure_supply_room(&asset, amount)?;
		Self::mint_holding(issuer, asset, to, amount)
	}

	fn ensure_supply_room(asset: &T::AssetId, amount: T::Balance) -> DispatchResult {
		ensure!(T::Assets::total_issuance(*asset).checked_add(&amount).is_some(), Error::<T>::SupplyOverflow);
		Ok(())
	}

	/// The issue itself, once every check passed: holder count and `Minted`.
	fn mint_holding(agent: T::AccountId, asset: T::AssetId, to: T::AccountId, amount: T::Balance) -> DispatchResult {
		Self::with_holder_count(&asset, [&to], || T::Assets::mint_into(asset, &to, amount))?;
		Self::deposit_event(Event::Minted { asset, to, amount, agent });
		Ok(())
	}

	/// The burn itself, once every check passed: holder count and `Burned`.
	fn burn_holding(agent: T::AccountId, asset: T::AssetId, from: T::AccountId, amount: T::Balance) -> DispatchResult {
		Self::with_holder_count(&asset, [&from], || {
			T::Assets::burn_from(asset, &from, amount, Preservation::Expendable, Precision::Exact, Fortitude::Polite)
		})?;
		Self::deposit_event(Event::Burned { asset, from, amount, agent });
		Ok(())
	}

	// ---- transfers ------------------------------------------------------

	/// An ordinary transfer: every check, the throttle counted, then the move.
	pub(crate) fn do_transfer(
		asset: T::AssetId,
		from: &T::AccountId,
		to: &T::AccountId,
		amount: T::Balance,
	) -> Result<Movement, DispatchError> {
		let rules = Self::rules_of(&asset)?;
		Self::transfer_leg(asset, &rules, &Self::sender_checks(&asset, &rules, from), to, amount)
	}

	/// One transfer of a sender whose own checks are made ([`SenderChecks`]):
	/// the leg's checks, the sender's throttle window, the move.
	fn transfer_leg(
		asset: T::AssetId,
		rules: &RulesOf<T>,
		sender: &SenderChecks<T::AccountId>,
		to: &T::AccountId,
		amount: T::Balance,
	) -> Result<Movement, DispatchError> {
		Self::ensure_leg_allowed(&asset, rules, sender, to, amount)?;
		Self::note_operation(OperationKind::AssetTransfer, &asset, &sender.sender, amount)?;
		Self::transfer_holding(asset, &sender.sender, to, amount)
	}

	/// A transfer whose operation the calling pallet counts under its own
	/// throttle kind: every rule of [`Self::do_transfer`] but the transfer
	/// throttle.
	pub(crate) fn do_settle(
		asset: T::AssetId,
		from: &T::AccountId,
		to: &T::AccountId,
		amount: T::Balance,
	) -> Result<Weight, DispatchError> {
		Self::ensure_transfer_allowed(&asset, from, to, amount)?;
		Self::transfer_holding(asset, from, to, amount).map(|movement| movement.observed)
	}

	/// The move of a checked transfer and its `Transferred` event.
	fn transfer_holding(
		asset: T::AssetId,
		from: &T::AccountId,
		to: &T::AccountId,
		amount: T::Balance,
	) -> Result<Movement, DispatchError> {
		let movement = Self::move_holding(&asset, from, to, amount)?;
		Self::deposit_event(Event::Transferred { asset, from: from.clone(), to: to.clone(), amount });
		Ok(movement)
	}

	/// Each leg is checked against the state the previous legs left, so the
	/// sender's spendable balance and the holder cap count the whole batch.
	/// The call is transactional: a refused leg undoes the earlier ones.
	/// Returns the weight the batch is charged ([`Self::batch_weight`]).
	pub(crate) fn do_batch_transfer(
		asset: T::AssetId,
		from: T::AccountId,
		transfers: Vec<(T::AccountId, T::Balance)>,
	) -> Result<Weight, DispatchError> {
		let legs = Self::ensure_batch_size(transfers.len())?;
		let rules = Self::rules_of(&asset)?;
		let sender = Self::sender_checks(&asset, &rules, &from);
		let charges = transfers.iter().try_fold(LegCharges::default(), |mut charges, (to, amount)| {
			charges.moved(Self::transfer_leg(asset, &rules, &sender, to, *amount)?);
			Ok::<_, DispatchError>(charges)
		})?;
		let (worst, between_holders) = (T::WeightInfo::batch_transfer, T::WeightInfo::batch_transfer_between_holders);
		Ok(Self::batch_weight(legs, charges, worst, between_holders))
	}

	/// The weight a batch of `legs` legs is charged when `charges.worst_case`
	/// of them ran the worst case (opened or closed a holding, or were
	/// refused) and the others moved between holders: the cheap batch plus,
	/// for the costly legs, the difference between the two benchmarks (which
	/// carries the fixed part's difference once), never more than the
	/// benchmark's worst case; then what the observers reported.
	fn batch_weight(
		legs: u32,
		charges: LegCharges,
		worst: impl Fn(u32) -> Weight,
		between_holders: impl Fn(u32) -> Weight,
	) -> Weight {
		let legs_weight = match charges.worst_case {
			0 => between_holders(legs),
			costly => {
				let extra = worst(costly).saturating_sub(between_holders(costly));
				between_holders(legs).saturating_add(extra).min(worst(legs))
			},
		};
		legs_weight.saturating_add(charges.observed)
	}

	/// The weight a single transfer is charged: the worst case unless it
	/// moved between two holders, plus what its observers reported.
	pub(crate) fn transfer_weight(movement: Movement) -> Weight {
		let moved = match movement.holdings {
			HoldingsChange::None => T::WeightInfo::transfer_between_holders(),
			HoldingsChange::OpenedOrClosed => T::WeightInfo::transfer(),
		};
		moved.saturating_add(movement.observed)
	}

	/// What a movement of `parties` holdings declares: `benchmarked`, which
	/// runs on an asset no observer works for, plus the observers' most.
	pub(crate) fn with_observers(benchmarked: Weight, parties: u32) -> Weight {
		benchmarked.saturating_add(Self::observers_most(parties))
	}

	/// The most the holding observers may report for `parties` holdings.
	pub(crate) fn observers_most(parties: u32) -> Weight {
		T::HoldingObserver::max_weight().saturating_mul(u64::from(parties))
	}

	/// What a batch of `legs` legs declares: the benchmark's worst case and
	/// the observers' most for both parties of every leg.
	pub(crate) fn batch_declared(worst: impl Fn(u32) -> Weight, legs: usize) -> Weight {
		let legs = u32::try_from(legs).unwrap_or(u32::MAX);
		Self::with_observers(worst(legs), legs.saturating_mul(2))
	}

	/// A batch has at least one leg and at most `MaxBatchSize`; returns
	/// the number of legs.
	fn ensure_batch_size(legs: usize) -> Result<u32, DispatchError> {
		ensure!(legs > 0, Error::<T>::EmptyBatch);
		let legs = u32::try_from(legs).ok().filter(|n| *n <= T::MaxBatchSize::get());
		Ok(legs.ok_or(Error::<T>::BatchTooLarge)?)
	}

	/// The holder names a verified bank as an operator of its holding.
	pub(crate) fn do_authorize_operator(
		asset: T::AssetId,
		holder: T::AccountId,
		operator: T::AccountId,
	) -> DispatchResult {
		Self::rules_of(&asset)?;
		ensure!(holder != operator, Error::<T>::OperatorIsHolder);
		Self::ensure_eligible_operator(&operator)?;
		Operators::<T>::try_mutate(asset, &holder, |operators| {
			ensure!(!operators.contains(&operator), Error::<T>::OperatorAlreadyAuthorized);
			operators.try_push(operator.clone()).map_err(|_| Error::<T>::TooManyOperators)
		})?;
		Self::deposit_event(Event::OperatorAuthorized { asset, holder, operator });
		Ok(())
	}

	/// The holder withdraws an operator's authorisation (whatever has become
	/// of the asset or the bank since).
	pub(crate) fn do_revoke_operator(
		asset: T::AssetId,
		holder: T::AccountId,
		operator: T::AccountId,
	) -> DispatchResult {
		Operators::<T>::try_mutate_exists(asset, &holder, |maybe| {
			let operators = maybe.as_mut().ok_or(Error::<T>::NotAnOperator)?;
			let index = operators.iter().position(|o| *o == operator).ok_or(Error::<T>::NotAnOperator)?;
			operators.swap_remove(index);
			if operators.is_empty() {
				*maybe = None;
			}
			Ok::<_, DispatchError>(())
		})?;
		Self::deposit_event(Event::OperatorRevoked { asset, holder, operator });
		Ok(())
	}

	/// Each leg in its own storage layer: a refused leg is undone alone and
	/// reported, the batch goes on. Returns the weight the batch is charged
	/// ([`Self::batch_weight`]; a refused leg counts as a worst-case one).
	pub(crate) fn do_operator_transfer(
		asset: T::AssetId,
		operator: T::AccountId,
		legs: Vec<OperatorLegOf<T>>,
	) -> Result<Weight, DispatchError> {
		let count = Self::ensure_batch_size(legs.len())?;
		let rules = Self::rules_of(&asset)?;
		Self::ensure_eligible_operator(&operator)?;
		let (mut transferred, mut refused) = (0u32, 0u32);
		let mut charges = LegCharges::default();
		// A customer's consecutive legs share its sender checks and its grant
		// (neither changes while the batch runs).
		let mut sender: Option<(SenderChecks<T::AccountId>, DispatchResult)> = None;
		for (index, leg) in (0u32..).zip(legs) {
			let (checks, granted) = match sender.take() {
				Some(cached) if cached.0.sender == leg.from => cached,
				_ => (
					Self::sender_checks(&asset, &rules, &leg.from),
					Self::ensure_operator_of(&asset, &leg.from, &operator),
				),
			};
			let outcome = frame_support::storage::with_storage_layer(|| {
				granted?;
				Self::transfer_leg(asset, &rules, &checks, &leg.to, leg.amount)
			});
			sender = Some((checks, granted));
			match outcome {
				Ok(movement) => {
					transferred.saturating_inc();
					charges.moved(movement);
				},
				Err(error) => {
					refused.saturating_inc();
					charges.refused(Self::observers_most(2));
					let OperatorLeg { from, to, amount } = leg;
					let operator = operator.clone();
					Self::deposit_event(Event::OperatorTransferRefused { asset, operator, index, from, to, amount, error });
				},
			}
		}
		Self::deposit_event(Event::OperatorBatchExecuted { asset, operator, transferred, refused });
		let (worst, between_holders) = (T::WeightInfo::operator_transfer, T::WeightInfo::operator_transfer_between_holders);
		Ok(Self::batch_weight(count, charges, worst, between_holders))
	}

	/// An operator is a bank passing every compliance check, at the grant
	/// and at every batch (a bank that loses its licence or is sanctioned
	/// stops acting for anyone at once).
	fn ensure_eligible_operator(operator: &T::AccountId) -> DispatchResult {
		let eligible =
			T::Compliance::check_compliance(operator).is_ok() && T::Compliance::has_role(operator, Role::Bank);
		ensure!(eligible, Error::<T>::OperatorNotAVerifiedBank);
		Ok(())
	}

	/// The holder itself, or a bank it authorised for this asset.
	fn ensure_operator_of(asset: &T::AssetId, holder: &T::AccountId, operator: &T::AccountId) -> DispatchResult {
		let authorised = holder == operator || Operators::<T>::get(asset, holder).contains(operator);
		ensure!(authorised, Error::<T>::NotAnOperator);
		Ok(())
	}

	/// A forced transfer may take frozen amounts: the freeze pallet releases
	/// the shortfall above the spendable balance (and records the release),
	/// after which pallet-assets lets the amount move.
	pub(crate) fn do_forced_transfer(
		agent: T::AccountId,
		asset: T::AssetId,
		from: T::AccountId,
		to: T::AccountId,
		amount: T::Balance,
	) -> DispatchResult {
		let rules = Self::ensure_movement(&asset, &from, &to, amount)?;
		Self::ensure_receiver_side(&asset, &rules, &to, amount, Some(&from))?;
		let balance = T::Assets::balance(asset, &from);
		ensure!(amount <= balance, Error::<T>::InsufficientBalance);
		let uncleared = T::DepositTokens::uncleared(&asset, &from);
		ensure!(amount <= balance.saturating_sub(uncleared), Error::<T>::UnclearedDeposit);
		let escrowed = T::PaymentEscrow::escrowed(&asset, &from);
		let unheld = balance.saturating_sub(uncleared).saturating_sub(escrowed);
		ensure!(amount <= unheld, Error::<T>::EscrowedForPayment);
		let locked = T::RedemptionLocks::locked(&asset, &from);
		ensure!(amount <= unheld.saturating_sub(locked), Error::<T>::LockedForRedemption);
		let released = Self::release_shortfall(&asset, &from, amount)?;
		Self::move_holding(&asset, &from, &to, amount)?;
		Self::deposit_event(Event::ForcedTransfer { asset, from, to, amount, released, agent });
		Ok(())
	}

	/// Moves the freeze entries first, so that the lost wallet's frozen part is
	/// frozen on the new wallet before any of it moves, then the whole balance.
	pub(crate) fn do_recover(
		agent: T::AccountId,
		asset: T::AssetId,
		lost: T::AccountId,
		new: T::AccountId,
	) -> DispatchResult {
		let rules = Self::rules_of(&asset)?;
		ensure!(lost != new, Error::<T>::SelfTransfer);
		let amount = T::Assets::balance(asset, &lost);
		ensure!(!amount.is_zero(), Error::<T>::NothingToRecover);
		// The whole holding moves, so none of it may be provisional: the
		// issuer clears or reverses the deposit first.
		ensure!(T::DepositTokens::uncleared(&asset, &lost).is_zero(), Error::<T>::UnclearedDeposit);
		// Likewise the payment rail releases or refunds the lost wallet's
		// pending payments first (a refund lifts the hold in place).
		ensure!(T::PaymentEscrow::escrowed(&asset, &lost).is_zero(), Error::<T>::EscrowedForPayment);
		// And the fund settles or cancels its redemption requests.
		ensure!(T::RedemptionLocks::locked(&asset, &lost).is_zero(), Error::<T>::LockedForRedemption);
		let linked_by_governance = RecoveryLinks::<T>::get(asset, &lost).as_ref() == Some(&new);
		let same_entity = T::Compliance::same_legal_entity(&lost, &new);
		ensure!(same_entity || linked_by_governance, Error::<T>::RecoveryTargetMismatch);
		Self::ensure_lost_wallet_movable(&rules, &lost)?;
		Self::ensure_receiver_side(&asset, &rules, &new, amount, Some(&lost))?;
		let frozen = T::Freezes::frozen_balance(&asset, &lost);
		T::Freezes::move_freezes(&asset, &lost, &new)?;
		Self::move_holding(&asset, &lost, &new, amount)?;
		// A link serves one recovery: funds the lost wallet receives later
		// need a new governance decision.
		RecoveryLinks::<T>::remove(asset, &lost);
		Self::deposit_event(Event::WalletRecovered { asset, lost, new, amount, frozen, agent });
		Ok(())
	}

	/// A privileged move ordered by another pallet (confiscation after the
	/// caller released the frozen amount): no sender-side
	/// rules, but a compliant receiver and only spendable amounts.
	pub(crate) fn do_force_move(
		asset: T::AssetId,
		from: &T::AccountId,
		to: &T::AccountId,
		amount: T::Balance,
	) -> Result<Weight, DispatchError> {
		let rules = Self::ensure_movement(&asset, from, to, amount)?;
		Self::ensure_receiver_side(&asset, &rules, to, amount, Some(from))?;
		Self::ensure_spendable(&asset, from, amount)?;
		let movement = Self::move_holding(&asset, from, to, amount)?;
		Self::deposit_event(Event::ForceMoved { asset, from: from.clone(), to: to.clone(), amount });
		Ok(movement.observed)
	}

	// ---- checks ---------------------------------------------------------

	/// Every check of an ordinary transfer except the throttle, in the
	/// documented order.
	fn ensure_transfer_allowed(
		asset: &T::AssetId,
		from: &T::AccountId,
		to: &T::AccountId,
		amount: T::Balance,
	) -> DispatchResult {
		let rules = Self::rules_of(asset)?;
		Self::ensure_leg_allowed(asset, &rules, &Self::sender_checks(asset, &rules, from), to, amount)
	}

	/// The checks of a transfer that concern only the asset and the sender:
	/// none of them changes while a batch runs.
	fn sender_checks(asset: &T::AssetId, rules: &RulesOf<T>, sender: &T::AccountId) -> SenderChecks<T::AccountId> {
		let open = T::Breaker::ensure_open(asset)
			.map_err(Self::breaker_error)
			.and_then(|()| Self::ensure_address_open(sender));
		SenderChecks {
			sender: sender.clone(),
			open,
			compliant: Self::ensure_compliant(sender, Party::Sender),
			unlocked: Self::ensure_not_locked_up(rules),
		}
	}

	/// Every rule of a transfer, in the documented order, the sender's own
	/// checks taken from `sender`.
	fn ensure_leg_allowed(
		asset: &T::AssetId,
		rules: &RulesOf<T>,
		sender: &SenderChecks<T::AccountId>,
		to: &T::AccountId,
		amount: T::Balance,
	) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		ensure!(sender.sender != *to, Error::<T>::SelfTransfer);
		sender.open?;
		Self::ensure_address_open(to)?;
		sender.compliant?;
		Self::ensure_compliant(to, Party::Receiver)?;
		sender.unlocked?;
		Self::ensure_receiver_rules(asset, rules, to, amount, Some(&sender.sender))?;
		Self::ensure_spendable(asset, &sender.sender, amount)
	}

	/// The freeze pallet's address freeze: a frozen address is party to no
	/// movement, as sender or receiver.
	fn ensure_address_open(who: &T::AccountId) -> DispatchResult {
		ensure!(!T::Freezes::is_address_frozen(who), Error::<T>::AddressFrozen);
		Ok(())
	}

	/// The asset is permissioned, the amount non-zero, the parties distinct.
	fn ensure_movement(
		asset: &T::AssetId,
		from: &T::AccountId,
		to: &T::AccountId,
		amount: T::Balance,
	) -> Result<RulesOf<T>, DispatchError> {
		let rules = Self::rules_of(asset)?;
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		ensure!(from != to, Error::<T>::SelfTransfer);
		Ok(rules)
	}

	/// What every privileged path (mint, forced transfer, recovery, force
	/// move) still demands of the receiver: the breaker open for the asset,
	/// an address that is not frozen, a compliant identity and the asset's
	/// receiver rules. The sender's side is the privilege (an enforcement
	/// action typically targets a non-compliant holder); its frozen amounts
	/// move only as the freeze pallet releases them.
	fn ensure_receiver_side(
		asset: &T::AssetId,
		rules: &RulesOf<T>,
		to: &T::AccountId,
		amount: T::Balance,
		sender: Option<&T::AccountId>,
	) -> DispatchResult {
		Self::ensure_open(asset, &[to])?;
		Self::ensure_compliant(to, Party::Receiver)?;
		Self::ensure_receiver_rules(asset, rules, to, amount, sender)
	}

	/// The asset's rules about who may receive it and how much.
	fn ensure_receiver_rules(
		asset: &T::AssetId,
		rules: &RulesOf<T>,
		to: &T::AccountId,
		amount: T::Balance,
		sender: Option<&T::AccountId>,
	) -> DispatchResult {
		let jurisdiction = T::Compliance::jurisdiction(to).ok_or(Error::<T>::ReceiverNotRegistered)?;
		ensure!(
			Self::admits(&rules.allowed_jurisdictions, &jurisdiction),
			Error::<T>::ReceiverJurisdictionNotAllowed
		);
		ensure!(
			!rules.blocked_jurisdictions.contains(&jurisdiction),
			Error::<T>::ReceiverJurisdictionBlockedForAsset
		);
		if let Some(min) = rules.min_category {
			let category_ok = T::Compliance::category(to).is_some_and(|category| category >= min);
			ensure!(category_ok, Error::<T>::ReceiverCategoryTooLow);
		}
		let receiver_balance = T::Assets::balance(*asset, to);
		if let Some(max) = rules.max_holders {
			// Only a movement that adds a holder without the sender leaving can
			// break the cap; a holding changing hands never does.
			let joins = receiver_balance.is_zero();
			let sender_leaves = sender.is_some_and(|from| T::Assets::balance(*asset, from) <= amount);
			let room = HolderCount::<T>::get(asset) < max;
			ensure!(!joins || sender_leaves || room, Error::<T>::MaxHoldersReached);
		}
		if let Some(max) = rules.max_balance {
			let within = receiver_balance.checked_add(&amount).is_some_and(|after| after <= max);
			ensure!(within, Error::<T>::MaxBalanceExceeded);
		}
		Ok(())
	}

	/// An empty allowed list admits every jurisdiction.
	fn admits(allowed: &[Jurisdiction], jurisdiction: &Jurisdiction) -> bool {
		allowed.is_empty() || allowed.contains(jurisdiction)
	}

	/// `amount` is within `who`'s balance less what is frozen and less its
	/// provisional deposit tokens (pallet-assets' freezer subtracts both).
	/// When the provisional part alone is in the way, the refusal says so.
	fn ensure_spendable(asset: &T::AssetId, who: &T::AccountId, amount: T::Balance) -> DispatchResult {
		let spendable = Self::spendable(asset, who);
		if amount <= spendable {
			return Ok(());
		}
		if T::Freezes::is_address_frozen(who) {
			return Err(Error::<T>::AddressFrozen.into());
		}
		let uncleared = T::DepositTokens::uncleared(asset, who);
		let with_uncleared = spendable.saturating_add(uncleared);
		let escrowed = T::PaymentEscrow::escrowed(asset, who);
		let with_escrowed = with_uncleared.saturating_add(escrowed);
		let locked = T::RedemptionLocks::locked(asset, who);
		Err(if !uncleared.is_zero() && amount <= with_uncleared {
			Error::<T>::UnclearedDeposit
		} else if !escrowed.is_zero() && amount <= with_escrowed {
			Error::<T>::EscrowedForPayment
		} else if !locked.is_zero() && amount <= with_escrowed.saturating_add(locked) {
			Error::<T>::LockedForRedemption
		} else {
			Error::<T>::InsufficientSpendableBalance
		}
		.into())
	}

	/// Supply agents may not issue or destroy an asset whose supply the mint
	/// escrow manages.
	pub(crate) fn ensure_supply_not_managed(asset: &T::AssetId) -> DispatchResult {
		ensure!(!T::DepositTokens::is_deposit_token(asset), Error::<T>::SupplyManagedByMintEscrow);
		Ok(())
	}

	pub(crate) fn spendable(asset: &T::AssetId, who: &T::AccountId) -> T::Balance {
		T::Assets::reducible_balance(*asset, who, Preservation::Expendable, Fortitude::Polite)
	}

	/// Asks the freeze pallet to release what a forced transfer of `amount`
	/// needs beyond the spendable balance (the caller made sure none of it is
	/// provisional); returns what was released.
	fn release_shortfall(
		asset: &T::AssetId,
		from: &T::AccountId,
		amount: T::Balance,
	) -> Result<T::Balance, DispatchError> {
		let shortfall = amount.saturating_sub(Self::spendable(asset, from));
		if shortfall.is_zero() {
			return Ok(Zero::zero());
		}
		let released = T::Freezes::release_for_forced_transfer(asset, from, shortfall)?;
		ensure!(released >= shortfall, Error::<T>::FrozenAmountNotReleased);
		Ok(released)
	}

	/// A recovery is no way around an enforcement action or a lock-up: the
	/// lost wallet may not be sanctioned, in a blocked jurisdiction,
	/// address-frozen or holding a locked-up asset. Its identity may otherwise have lapsed
	/// (a lost key is often why KYC was not renewed).
	fn ensure_lost_wallet_movable(rules: &RulesOf<T>, lost: &T::AccountId) -> DispatchResult {
		ensure!(!T::Compliance::is_sanctioned(lost), Error::<T>::LostWalletSanctioned);
		let blocked = T::Compliance::jurisdiction(lost).is_some_and(|j| T::Compliance::is_jurisdiction_blocked(&j));
		ensure!(!blocked, Error::<T>::LostWalletJurisdictionBlocked);
		ensure!(!T::Freezes::is_address_frozen(lost), Error::<T>::LostWalletAddressFrozen);
		Self::ensure_not_locked_up(rules)
	}

	fn ensure_not_locked_up(rules: &RulesOf<T>) -> DispatchResult {
		let locked = rules.lockup_until.is_some_and(|until| Self::now() < until);
		ensure!(!locked, Error::<T>::LockedUp);
		Ok(())
	}

	pub(crate) fn do_set_recovery_link(
		asset: T::AssetId,
		lost: T::AccountId,
		new: Option<T::AccountId>,
	) -> DispatchResult {
		Self::rules_of(&asset)?;
		match &new {
			Some(target) => {
				ensure!(&lost != target, Error::<T>::SelfTransfer);
				ensure!(T::Compliance::jurisdiction(target).is_some(), Error::<T>::ReceiverNotRegistered);
				RecoveryLinks::<T>::insert(asset, &lost, target);
			},
			None => {
				ensure!(RecoveryLinks::<T>::contains_key(asset, &lost), Error::<T>::NoRecoveryLink);
				RecoveryLinks::<T>::remove(asset, &lost);
			},
		}
		Self::deposit_event(Event::RecoveryLinkSet { asset, lost, new });
		Ok(())
	}

	fn rules_of(asset: &T::AssetId) -> Result<RulesOf<T>, DispatchError> {
		Ok(Rules::<T>::get(asset).ok_or(Error::<T>::UnknownAsset)?)
	}

	/// The breaker lets `asset` move and no party's address is frozen.
	fn ensure_open(asset: &T::AssetId, parties: &[&T::AccountId]) -> DispatchResult {
		T::Breaker::ensure_open(asset).map_err(Self::breaker_error)?;
		parties.iter().try_for_each(|who| Self::ensure_address_open(who))
	}

	fn note_operation(
		kind: OperationKind,
		asset: &T::AssetId,
		who: &T::AccountId,
		amount: T::Balance,
	) -> DispatchResult {
		T::Breaker::note_operation(kind, asset, who, amount).map_err(Self::breaker_error)
	}

	fn ensure_compliant(who: &T::AccountId, party: Party) -> DispatchResult {
		T::Compliance::check_compliance(who).map_err(|failure| Self::compliance_error(party, failure).into())
	}

	fn breaker_error(refusal: BreakerRefusal) -> DispatchError {
		match refusal {
			BreakerRefusal::GlobalPause => Error::<T>::ChainPaused,
			BreakerRefusal::AssetPaused => Error::<T>::AssetPaused,
			BreakerRefusal::Throttled => Error::<T>::Throttled,
			BreakerRefusal::AccountLimitReached => Error::<T>::AccountLimitReached,
		}
		.into()
	}

	fn compliance_error(party: Party, failure: ComplianceFailure) -> Error<T> {
		use ComplianceFailure::*;
		match (party, failure) {
			(Party::Sender, NotRegistered) => Error::<T>::SenderNotRegistered,
			(Party::Sender, Pending) => Error::<T>::SenderPending,
			(Party::Sender, Revoked) => Error::<T>::SenderRevoked,
			(Party::Sender, Expired) => Error::<T>::SenderExpired,
			(Party::Sender, Sanctioned) => Error::<T>::SenderSanctioned,
			(Party::Sender, JurisdictionBlocked) => Error::<T>::SenderJurisdictionBlocked,
			(Party::Receiver, NotRegistered) => Error::<T>::ReceiverNotRegistered,
			(Party::Receiver, Pending) => Error::<T>::ReceiverPending,
			(Party::Receiver, Revoked) => Error::<T>::ReceiverRevoked,
			(Party::Receiver, Expired) => Error::<T>::ReceiverExpired,
			(Party::Receiver, Sanctioned) => Error::<T>::ReceiverSanctioned,
			(Party::Receiver, JurisdictionBlocked) => Error::<T>::ReceiverJurisdictionBlocked,
		}
	}

	// ---- bookkeeping ----------------------------------------------------

	fn move_holding(
		asset: &T::AssetId,
		from: &T::AccountId,
		to: &T::AccountId,
		amount: T::Balance,
	) -> Result<Movement, DispatchError> {
		Self::with_holder_count(asset, [from, to], || {
			T::Assets::transfer(*asset, from, to, amount, Preservation::Expendable)
		})
	}

	/// Tells the observers (a fund's yield accrual) before the balances
	/// change, runs `change_balances`, then moves the holder count by the parties
	/// that started or stopped holding: the one place holdings change, so
	/// every path keeps the count and the accruals exact. Says whether a
	/// party started or stopped holding and what the observers reported
	/// (which a transfer's weight depends on).
	fn with_holder_count<const N: usize, R>(
		asset: &T::AssetId,
		parties: [&T::AccountId; N],
		change_balances: impl FnOnce() -> Result<R, DispatchError>,
	) -> Result<Movement, DispatchError> {
		let held_before = parties.map(|who| Self::is_holder(asset, who));
		let observed = parties.iter().fold(Weight::zero(), |observed, who| {
			observed.saturating_add(T::HoldingObserver::before_change(asset, who))
		});
		change_balances()?;
		let before = HolderCount::<T>::get(asset);
		let mut count = before;
		let mut change = HoldingsChange::None;
		for (who, held) in parties.into_iter().zip(held_before) {
			match (held, Self::is_holder(asset, who)) {
				(false, true) => count = count.checked_add(1).ok_or(Error::<T>::HolderCountOverflow)?,
				// Cannot go below zero while the count is exact; saturate defensively.
				(true, false) => count = count.saturating_sub(1),
				_ => continue,
			}
			change = HoldingsChange::OpenedOrClosed;
		}
		if count != before {
			HolderCount::<T>::insert(asset, count);
		}
		Ok(Movement { holdings: change, observed })
	}

	fn is_holder(asset: &T::AssetId, who: &T::AccountId) -> bool {
		!T::Assets::balance(*asset, who).is_zero()
	}

	// ---- input validation -----------------------------------------------

	fn checked_rules(input: RulesInputOf<T>) -> Result<RulesOf<T>, DispatchError> {
		let allowed = Self::checked_jurisdictions(input.allowed_jurisdictions)?;
		let blocked = Self::checked_jurisdictions(input.blocked_jurisdictions)?;
		ensure!(!allowed.iter().any(|j| blocked.contains(j)), Error::<T>::JurisdictionAllowedAndBlocked);
		let zero_cap = input.max_holders == Some(0) || input.max_balance.is_some_and(|max| max.is_zero());
		ensure!(!zero_cap, Error::<T>::ZeroLimit);
		Ok(AssetRules {
			max_holders: input.max_holders,
			max_balance: input.max_balance,
			allowed_jurisdictions: allowed,
			blocked_jurisdictions: blocked,
			min_category: input.min_category,
			lockup_until: input.lockup_until,
		})
	}

	fn checked_jurisdictions(list: Vec<Jurisdiction>) -> Result<JurisdictionsOf<T>, DispatchError> {
		ensure!(list.iter().all(Jurisdiction::is_well_formed), Error::<T>::MalformedJurisdiction);
		Ok(BoundedVec::try_from(list).map_err(|_| Error::<T>::TooManyJurisdictionRules)?)
	}

	fn document_name(name: Vec<u8>) -> Result<DocumentNameOf<T>, DispatchError> {
		Self::non_empty_text(name, Error::<T>::EmptyDocumentName, Error::<T>::DocumentNameTooLong)
	}

	fn non_empty_text<S: Get<u32>>(
		bytes: Vec<u8>,
		empty: Error<T>,
		too_long: Error<T>,
	) -> Result<BoundedVec<u8, S>, DispatchError> {
		ensure!(!bytes.is_empty(), empty);
		Ok(BoundedVec::try_from(bytes).map_err(|_| too_long)?)
	}
}
