//! The logic behind each call; `lib.rs` only checks origins and delegates
//! here.

use crate::{pallet::*, types::*};
use alloc::{collections::BTreeSet, vec::Vec};
use codec::Encode;
use frame_support::{
	ensure,
	pallet_prelude::{DispatchError, DispatchResult},
	storage::with_storage_layer,
	traits::Get,
	weights::Weight,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_core::H256;
use sp_runtime::traits::{CheckedAdd, Saturating, Verify, Zero};
use tokenize_primitives::{Breaker, Compliance, ComplianceTransfer, CorridorValidator, OperationKind, Role};

impl<T: Config> Pallet<T> {
	fn now() -> BlockNumberFor<T> {
		frame_system::Pallet::<T>::block_number()
	}

	// ---- initiation -------------------------------------------------------

	/// Every check first (compliant transfer rules, corridor, throttle), then
	/// the hold and the record. Returns the new txId.
	pub(crate) fn do_initiate_payment(
		sender: T::AccountId,
		asset: T::AssetId,
		recipient: T::AccountId,
		amount: T::Balance,
	) -> Result<TxId, DispatchError> {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		ensure!(sender != recipient, Error::<T>::SelfPayment);
		ensure!(SettlementCurrencies::<T>::contains_key(asset), Error::<T>::NoSettlementCurrency);
		let open = OpenPayments::<T>::get(&sender);
		ensure!(open < T::MaxOpenPayments::get(), Error::<T>::TooManyOpenPayments);
		// Both parties' compliance (named per side), the asset's rules for the
		// recipient, the breaker and the spendable balance, exactly as a
		// transfer would meet them.
		T::Assets::can_transfer(&asset, &sender, &recipient, amount)?;
		let corridor = T::Corridors::record(&sender, &recipient, &asset, amount)?;
		T::Breaker::note_operation(OperationKind::Payment, &asset, &sender, amount)
			.map_err(Self::breaker_error)?;
		let nonce = PaymentNonces::<T>::get(&sender);
		let next_nonce = nonce.checked_add(1).ok_or(Error::<T>::NonceExhausted)?;
		let now = Self::now();
		let tx_id = Self::derive_tx_id(&sender, &recipient, &asset, amount, &corridor, now, nonce);
		ensure!(!PaymentRecords::<T>::contains_key(tx_id), Error::<T>::TxIdTaken);
		Self::hold(&asset, &sender, amount)?;
		let settings = Self::rail_settings();
		let expires_at = now.saturating_add(settings.payment_timeout);
		let payment = Payment {
			sender: sender.clone(),
			recipient: recipient.clone(),
			asset,
			amount,
			corridor,
			initiated_at: now,
			challenge_until: now.saturating_add(settings.challenge_window),
			expires_at,
			data_hash: None,
			travel_rule_hash: None,
			challenge: None,
			status: PaymentStatus::Initiated,
			fiat_bank: None,
		};
		PaymentRecords::<T>::insert(tx_id, payment);
		PaymentNonces::<T>::insert(&sender, next_nonce);
		OpenPayments::<T>::insert(&sender, open.saturating_add(1));
		Self::deposit_event(Event::PaymentInitiated {
			tx_id,
			sender,
			recipient,
			asset,
			amount,
			source: corridor.source,
			destination: corridor.destination,
			expires_at,
		});
		Ok(tx_id)
	}

	/// The first 16 bytes of blake2-256 over everything that identifies the
	/// payment, the block and the sender's nonce: unique per sender and
	/// nonce, unpredictable before the block.
	pub fn derive_tx_id(
		sender: &T::AccountId,
		recipient: &T::AccountId,
		asset: &T::AssetId,
		amount: T::Balance,
		corridor: &tokenize_primitives::CorridorUse,
		block: BlockNumberFor<T>,
		nonce: u64,
	) -> TxId {
		let preimage =
			(b"tokenize/payment", sender, recipient, asset, amount, corridor.source, corridor.destination, block, nonce)
				.encode();
		let hash = sp_io::hashing::blake2_256(&preimage);
		let mut tx_id = [0u8; 16];
		tx_id.copy_from_slice(&hash[..16]);
		tx_id
	}

	fn hold(asset: &T::AssetId, who: &T::AccountId, amount: T::Balance) -> DispatchResult {
		Escrowed::<T>::try_mutate(asset, who, |held| {
			*held = held.checked_add(&amount).ok_or(Error::<T>::EscrowOverflow)?;
			Ok(())
		})
	}

	/// Lifts `amount` of `who`'s hold (the payment's own amount, which the
	/// hold always covers while the payment is unsettled).
	fn lift(asset: &T::AssetId, who: &T::AccountId, amount: T::Balance) {
		Escrowed::<T>::mutate_exists(asset, who, |held| {
			let left = held.unwrap_or_default().saturating_sub(amount);
			*held = (!left.is_zero()).then_some(left);
		});
	}

	/// The breaker's refusal, named as compliant-assets names it.
	fn breaker_error(refusal: tokenize_primitives::BreakerRefusal) -> Error<T> {
		use tokenize_primitives::BreakerRefusal::*;
		match refusal {
			GlobalPause | AssetPaused => Error::<T>::Paused,
			Throttled => Error::<T>::PaymentThrottled,
			AccountLimitReached => Error::<T>::AccountLimitReached,
		}
	}

	// ---- data hashes --------------------------------------------------------

	pub(crate) fn do_store_data_hash(
		who: T::AccountId,
		tx_id: TxId,
		data_hash: Option<H256>,
		travel_rule_hash: Option<H256>,
	) -> DispatchResult {
		ensure!(data_hash.is_some() || travel_rule_hash.is_some(), Error::<T>::NothingToStore);
		Self::mutate_unsettled(tx_id, |payment| {
			ensure!(
				who == payment.sender || Self::is_bank_of(&who, &payment.sender),
				Error::<T>::NotSenderOrSendingBank
			);
			if data_hash.is_some() {
				ensure!(payment.data_hash.is_none(), Error::<T>::DataHashAlreadyStored);
				payment.data_hash = data_hash;
			}
			if travel_rule_hash.is_some() {
				ensure!(payment.travel_rule_hash.is_none(), Error::<T>::TravelRuleHashAlreadyStored);
				payment.travel_rule_hash = travel_rule_hash;
			}
			Ok(())
		})?;
		Self::deposit_event(Event::PaymentDataHashStored { tx_id, data_hash, travel_rule_hash, by: who });
		Ok(())
	}

	/// `bank` is a bank (Bank role, in good standing) whose BIC is the one
	/// `customer`'s identity names as its bank.
	fn is_bank_of(bank: &T::AccountId, customer: &T::AccountId) -> bool {
		T::Compliance::has_role(bank, Role::Bank) &&
			T::Compliance::bic(bank).is_some_and(|bic| T::Compliance::bic(customer) == Some(bic))
	}

	// ---- release ------------------------------------------------------------

	/// The batch is checked whole first (a caller's mistake refuses it all);
	/// then each payment is released or withheld on its own. Returns what
	/// the releases' holding observers charged.
	pub(crate) fn do_confirm_settlements(tx_ids: Vec<TxId>) -> Result<Weight, DispatchError> {
		ensure!(!tx_ids.is_empty(), Error::<T>::EmptyBatch);
		ensure!(tx_ids.len() <= T::MaxSettlementBatch::get() as usize, Error::<T>::BatchTooLarge);
		let mut seen = BTreeSet::new();
		let mut payments = Vec::with_capacity(tx_ids.len());
		for tx_id in tx_ids {
			ensure!(seen.insert(tx_id), Error::<T>::DuplicateInBatch);
			payments.push((tx_id, Self::unsettled(tx_id)?));
		}
		let mut observed = Weight::zero();
		for (tx_id, payment) in payments {
			let outcome = if payment.challenge.is_some() {
				Err(WithholdReason::Challenged)
			} else {
				Self::release(tx_id, payment)
			};
			match outcome {
				Ok(charge) => observed.saturating_accrue(charge),
				Err(reason) => Self::deposit_event(Event::SettlementWithheld { tx_id, reason }),
			}
		}
		Ok(observed)
	}

	/// Lifts the hold and moves the amount under every rule of a transfer,
	/// in a storage layer of its own: a refusal leaves the payment, its hold
	/// and the holdings exactly as they were. Returns what the move's holding
	/// observers charged.
	fn release(tx_id: TxId, mut payment: PaymentOf<T>) -> Result<Weight, WithholdReason> {
		let releasable = matches!(payment.status, PaymentStatus::Initiated | PaymentStatus::FiatConfirmed);
		if !releasable {
			return Err(WithholdReason::FiatLegNotConfirmed);
		}
		let (asset, sender, recipient, amount) =
			(payment.asset, payment.sender.clone(), payment.recipient.clone(), payment.amount);
		let observed = with_storage_layer(|| {
			Self::lift(&asset, &sender, amount);
			T::Assets::settle(&asset, &sender, &recipient, amount)
		})
		.map_err(WithholdReason::Refused)?;
		payment.status = PaymentStatus::Released { at: Self::now() };
		Self::close(tx_id, payment);
		Self::deposit_event(Event::PaymentReleased { tx_id, recipient, asset, amount });
		Ok(observed)
	}

	/// The number of payments a settlement batch is weighed for (a longer
	/// batch is refused before any work).
	pub(crate) fn settlement_batch_len(tx_ids: &[TxId]) -> u32 {
		let len = u32::try_from(tx_ids.len()).unwrap_or(u32::MAX);
		len.min(T::MaxSettlementBatch::get())
	}


	// ---- challenge ----------------------------------------------------------

	pub(crate) fn do_challenge(who: T::AccountId, tx_id: TxId, reason_hash: H256) -> DispatchResult {
		let now = Self::now();
		Self::mutate_unsettled(tx_id, |payment| {
			let entitled = T::Compliance::has_role(&who, Role::ComplianceOfficer) ||
				Self::is_bank_of(&who, &payment.sender) ||
				Self::is_bank_of(&who, &payment.recipient);
			ensure!(entitled, Error::<T>::NotEntitledToChallenge);
			ensure!(now <= payment.challenge_until, Error::<T>::ChallengeWindowClosed);
			ensure!(payment.challenge.is_none(), Error::<T>::AlreadyChallenged);
			payment.challenge = Some(Challenge { by: who.clone(), reason_hash, at: now });
			Ok(())
		})?;
		Self::deposit_event(Event::PaymentChallenged { tx_id, by: who, reason_hash });
		Ok(())
	}

	/// Returns what a release's holding observers charged (a refund moves
	/// nothing).
	pub(crate) fn do_resolve_challenge(tx_id: TxId, outcome: ChallengeOutcome) -> Result<Weight, DispatchError> {
		let payment = Self::unsettled(tx_id)?;
		ensure!(payment.challenge.is_some(), Error::<T>::NotChallenged);
		let observed = match outcome {
			ChallengeOutcome::Release => Self::release(tx_id, payment).map_err(|reason| match reason {
				WithholdReason::Refused(error) => error,
				WithholdReason::FiatLegNotConfirmed | WithholdReason::Challenged =>
					Error::<T>::FiatLegNotConfirmed.into(),
			})?,
			ChallengeOutcome::Refund => {
				Self::refund(tx_id, payment, RefundReason::ChallengeUpheld);
				Weight::zero()
			},
		};
		Self::deposit_event(Event::ChallengeResolved { tx_id, outcome });
		Ok(observed)
	}

	// ---- refund -------------------------------------------------------------

	pub(crate) fn do_refund(tx_id: TxId, reason: RefundReason) -> DispatchResult {
		let payment = Self::unsettled(tx_id)?;
		Self::refund(tx_id, payment, reason);
		Ok(())
	}

	pub(crate) fn do_refund_expired(tx_id: TxId) -> DispatchResult {
		let payment = Self::unsettled(tx_id)?;
		ensure!(Self::now() >= payment.expires_at, Error::<T>::NotExpired);
		Self::refund(tx_id, payment, RefundReason::TimedOut);
		Ok(())
	}

	/// Lifts the hold (nothing moves, so nothing can refuse it) and gives the
	/// corridor's volume back.
	fn refund(tx_id: TxId, mut payment: PaymentOf<T>, reason: RefundReason) {
		Self::lift(&payment.asset, &payment.sender, payment.amount);
		T::Corridors::give_back(&payment.corridor, payment.amount);
		payment.status = PaymentStatus::Refunded { at: Self::now(), reason };
		let (sender, asset, amount) = (payment.sender.clone(), payment.asset, payment.amount);
		Self::close(tx_id, payment);
		Self::deposit_event(Event::PaymentRefunded { tx_id, sender, asset, amount, reason });
	}

	/// Stores a settled payment and frees its sender's slot.
	fn close(tx_id: TxId, payment: PaymentOf<T>) {
		OpenPayments::<T>::mutate_exists(&payment.sender, |open| {
			let left = open.unwrap_or_default().saturating_sub(1);
			*open = (left > 0).then_some(left);
		});
		PaymentRecords::<T>::insert(tx_id, payment);
	}

	// ---- fiat leg ---------------------------------------------------------------

	pub(crate) fn do_open_fiat_leg(who: T::AccountId, tx_id: TxId, bank: T::AccountId) -> DispatchResult {
		Self::mutate_unsettled(tx_id, |payment| {
			ensure!(
				who == payment.sender || Self::is_bank_of(&who, &payment.sender),
				Error::<T>::NotSenderOrSendingBank
			);
			ensure!(payment.status == PaymentStatus::Initiated, Error::<T>::FiatLegExists);
			ensure!(Self::is_bank_of(&bank, &payment.recipient), Error::<T>::NotRecipientBank);
			payment.status = PaymentStatus::FiatPending;
			payment.fiat_bank = Some(bank.clone());
			Ok(())
		})?;
		Self::deposit_event(Event::FiatLegOpened { tx_id, receiving_bank: bank });
		Ok(())
	}

	/// The receipt's chain and expiry, then the payment's state, then the
	/// bank's signature and the receipt's single use.
	pub(crate) fn do_submit_fiat_receipt(receipt: FiatReceiptOf<T>, signature: T::OffchainSignature) -> DispatchResult {
		let genesis = frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero());
		ensure!(receipt.genesis_hash == genesis, Error::<T>::WrongChain);
		ensure!(Self::now() <= receipt.expires_at, Error::<T>::ReceiptExpired);
		let tx_id = receipt.tx_id;
		Self::mutate_unsettled(tx_id, |payment| {
			let bank = match (payment.status, &payment.fiat_bank) {
				(PaymentStatus::FiatPending, Some(bank)) => bank.clone(),
				(PaymentStatus::FiatConfirmed | PaymentStatus::FiatFailed, _) => Err(Error::<T>::FiatLegSettled)?,
				_ => Err(Error::<T>::NoFiatLeg)?,
			};
			ensure!(signature.verify(&receipt.encode()[..], &bank), Error::<T>::BadReceiptSignature);
			ensure!(!UsedReceipts::<T>::contains_key(&bank, receipt.receipt_id), Error::<T>::ReceiptUsed);
			UsedReceipts::<T>::insert(&bank, receipt.receipt_id, tx_id);
			payment.status = match receipt.outcome {
				FiatOutcome::Confirmed => PaymentStatus::FiatConfirmed,
				FiatOutcome::Failed => PaymentStatus::FiatFailed,
			};
			Ok(())
		})?;
		let receipt_id = receipt.receipt_id;
		Self::deposit_event(match receipt.outcome {
			FiatOutcome::Confirmed => Event::FiatLegConfirmed { tx_id, receipt_id },
			FiatOutcome::Failed => Event::FiatLegFailed { tx_id, receipt_id },
		});
		Ok(())
	}

	// ---- payment versus payment ----------------------------------------------

	/// The quote's checks first (chain, signature, expiry, replay, role,
	/// amounts), then the parties' corridor and throttle, then both legs.
	/// Returns what the legs' holding observers charged.
	pub(crate) fn do_pay_with_fx(
		payer: T::AccountId,
		quote: FxQuoteOf<T>,
		signature: T::OffchainSignature,
		recipient: T::AccountId,
		source_amount: T::Balance,
		min_out: T::Balance,
		deadline: BlockNumberFor<T>,
	) -> Result<Weight, DispatchError> {
		let now = Self::now();
		ensure!(payer != recipient, Error::<T>::SelfPayment);
		ensure!(now <= deadline, Error::<T>::DeadlinePassed);
		let genesis = frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero());
		ensure!(quote.genesis_hash == genesis, Error::<T>::WrongChain);
		ensure!(signature.verify(&quote.encode()[..], &quote.lp), Error::<T>::BadQuoteSignature);
		ensure!(now <= quote.expires_at, Error::<T>::QuoteExpired);
		ensure!(!FxSettlements::<T>::contains_key(&quote.lp, quote.quote_id), Error::<T>::QuoteUsed);
		ensure!(T::Compliance::has_role(&quote.lp, Role::LiquidityProvider), Error::<T>::NotLiquidityProvider);
		ensure!(quote.source_asset != quote.target_asset, Error::<T>::SameAsset);
		ensure!(!source_amount.is_zero(), Error::<T>::ZeroAmount);
		ensure!(source_amount <= quote.max_source_amount, Error::<T>::AboveQuoteMaximum);
		for asset in [quote.source_asset, quote.target_asset] {
			ensure!(SettlementCurrencies::<T>::contains_key(asset), Error::<T>::NoSettlementCurrency);
		}
		let target_amount = Self::convert(quote.rate, source_amount)?;
		ensure!(!target_amount.is_zero() && target_amount >= min_out, Error::<T>::Slippage);
		T::Corridors::record(&payer, &recipient, &quote.source_asset, source_amount)?;
		T::Breaker::note_operation(OperationKind::Payment, &quote.source_asset, &payer, source_amount)
			.map_err(Self::breaker_error)?;
		let paid = T::Assets::transfer(&quote.source_asset, &payer, &quote.lp, source_amount)?;
		let delivered = T::Assets::transfer(&quote.target_asset, &quote.lp, &recipient, target_amount)?;
		let settlement = FxSettlement {
			payer: payer.clone(),
			recipient: recipient.clone(),
			source_asset: quote.source_asset,
			source_amount,
			target_asset: quote.target_asset,
			target_amount,
			at: now,
		};
		FxSettlements::<T>::insert(&quote.lp, quote.quote_id, settlement);
		Self::deposit_event(Event::FxPaymentSettled {
			quote_id: quote.quote_id,
			lp: quote.lp,
			payer,
			recipient,
			source_asset: quote.source_asset,
			source_amount,
			target_asset: quote.target_asset,
			target_amount,
		});
		Ok(paid.saturating_add(delivered))
	}

	/// `floor(amount × rate)`: the provider never pays a fraction of a unit
	/// more than its rate gives.
	pub fn convert(rate: sp_runtime::FixedU128, amount: T::Balance) -> Result<T::Balance, DispatchError> {
		use sp_runtime::{traits::UniqueSaturatedInto, FixedPointNumber};
		let units: u128 = amount.unique_saturated_into();
		let converted = rate.checked_mul_int(units).ok_or(Error::<T>::ConversionOverflow)?;
		T::Balance::try_from(converted).map_err(|_| Error::<T>::ConversionOverflow.into())
	}

	// ---- governance ---------------------------------------------------------

	pub(crate) fn do_set_settlement_currency(
		asset: T::AssetId,
		currency: Option<SettlementCurrency>,
	) -> DispatchResult {
		match currency {
			Some(currency) => {
				ensure!(currency.is_well_formed(), Error::<T>::MalformedCurrency);
				SettlementCurrencies::<T>::insert(asset, currency);
			},
			None => SettlementCurrencies::<T>::remove(asset),
		}
		Self::deposit_event(Event::SettlementCurrencySet { asset, currency });
		Ok(())
	}

	pub(crate) fn do_set_rail_settings(settings: Option<RailSettings<BlockNumberFor<T>>>) -> DispatchResult {
		if let Some(RailSettings { challenge_window, payment_timeout }) = settings {
			let valid = !challenge_window.is_zero() &&
				challenge_window <= payment_timeout &&
				payment_timeout <= T::MaxPaymentTimeout::get();
			ensure!(valid, Error::<T>::InvalidSettings);
		}
		Settings::<T>::set(settings);
		Self::deposit_event(Event::RailSettingsSet { settings });
		Ok(())
	}

	// ---- reading --------------------------------------------------------------

	/// The challenge window and timeout new payments get.
	pub fn rail_settings() -> RailSettings<BlockNumberFor<T>> {
		Settings::<T>::get().unwrap_or_else(|| RailSettings {
			challenge_window: T::ChallengeWindow::get(),
			payment_timeout: T::PaymentTimeout::get(),
		})
	}

	/// The payment, unless unknown or already settled.
	fn unsettled(tx_id: TxId) -> Result<PaymentOf<T>, DispatchError> {
		let payment = PaymentRecords::<T>::get(tx_id).ok_or(Error::<T>::UnknownPayment)?;
		ensure!(!payment.status.is_final(), Error::<T>::PaymentSettled);
		Ok(payment)
	}

	fn mutate_unsettled(tx_id: TxId, change: impl FnOnce(&mut PaymentOf<T>) -> DispatchResult) -> DispatchResult {
		let mut payment = Self::unsettled(tx_id)?;
		change(&mut payment)?;
		PaymentRecords::<T>::insert(tx_id, payment);
		Ok(())
	}

	/// A payment with its currency and the parties' banks, for the runtime API.
	pub fn payment_view(tx_id: TxId) -> Option<PaymentViewOf<T>> {
		let payment = PaymentRecords::<T>::get(tx_id)?;
		Some(PaymentView {
			tx_id,
			currency: SettlementCurrencies::<T>::get(payment.asset),
			recipient_bic: T::Compliance::bic(&payment.recipient),
			sender_bic: T::Compliance::bic(&payment.sender),
			payment,
		})
	}

	/// Whether `hash` is the data hash anchored under `tx_id`.
	pub fn verify_data(tx_id: TxId, hash: H256) -> DataVerification {
		match PaymentRecords::<T>::get(tx_id) {
			None => DataVerification::UnknownPayment,
			Some(Payment { data_hash: None, .. }) => DataVerification::NoHashStored,
			Some(Payment { data_hash: Some(stored), .. }) if stored == hash => DataVerification::Match,
			Some(_) => DataVerification::Mismatch,
		}
	}

	/// The escrow holds exactly the unsettled payments: per (asset, sender)
	/// the held amount is the sum of their amounts, and each sender's open
	/// count is their number.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::BTreeMap;
		let mut held: BTreeMap<(T::AssetId, T::AccountId), T::Balance> = BTreeMap::new();
		let mut open: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		for (_, payment) in PaymentRecords::<T>::iter().filter(|(_, p)| !p.status.is_final()) {
			let slot = held.entry((payment.asset, payment.sender.clone())).or_default();
			*slot = slot.checked_add(&payment.amount).ok_or("escrow sum overflows")?;
			*open.entry(payment.sender).or_default() += 1;
		}
		let stored: BTreeMap<_, _> = Escrowed::<T>::iter().map(|(asset, who, amount)| ((asset, who), amount)).collect();
		ensure!(stored == held, "escrow differs from the sum of unsettled payments");
		let stored_open: BTreeMap<_, _> = OpenPayments::<T>::iter().collect();
		ensure!(stored_open == open, "open-payment counts differ from the unsettled payments");
		Ok(())
	}
}

