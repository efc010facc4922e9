//! # Payments: the cross-border payment rail (CBPR)
//!
//! A cross-border payment between two banks' customers travels on two
//! channels. **SWIFT carries the message**: the sending bank sends the
//! ISO 20022 pacs.008 (FI-to-FI customer credit transfer) to the receiving
//! bank, as it always has. **The chain carries the money and a fingerprint
//! of the message**: the amount is escrowed on chain, the keccak-256 hash of
//! the message's canonical form is anchored under the payment's txId (which
//! the message carries as its `EndToEndId`), and the consortium's settlement
//! committee releases the escrow to the recipient. The receiving bank checks
//! the XML it received against the chain with one command (the node's
//! `iso20022 verify`): same hash, same txId, amount, currency and creditor
//! agent.
//!
//! ## Lifecycle
//!
//! 1. [`Pallet::initiate_payment`]: a verified customer pays `amount` of a
//!    permissioned asset to a verified recipient. Every rule of a compliant
//!    transfer applies at once (both parties' compliance with a named error
//!    per side, the asset's rules for the recipient: maximum balance,
//!    lock-up, category, jurisdictions; the breaker; the spendable balance,
//!    freezes honoured); the corridor is derived from the two identities'
//!    jurisdictions (never given by the caller), validated (active, not
//!    blocked, asset settled on it, min/max, the day's limit) and the
//!    amount counted on its daily volume; the payment throttle of the
//!    breaker counts it. The txId is derived on chain from the sender,
//!    recipient, asset, amount, corridor, block and a per-sender nonce.
//! 2. **Escrow is a hold in the sender's own account**, not a transfer to a
//!    pallet account: the amount stays in the sender's balance (and in the
//!    token's liability tree, since it is still the sender's money until the
//!    release), and the runtime's pallet-assets freezer adds it to the
//!    frozen amount, so no debit path can touch it (compliant-assets names
//!    the refusal `EscrowedForPayment`; a forced transfer, recovery or
//!    freeze never reaches it). Why a hold: a refund then moves nothing and
//!    so can never fail (not for a sanctioned sender, a paused asset or a
//!    full recipient), no account without an identity ever holds a
//!    permissioned asset (holder counts and caps keep their meaning), and
//!    one payment's escrow is never pooled with another's.
//! 3. [`Pallet::store_payment_data_hash`]: the sender or its bank anchors the
//!    pacs.008 hash (and the travel-rule record's hash) once; a stored hash
//!    is never overwritten.
//! 4. [`Pallet::confirm_settlements`]: the settlement committee (a 3-of-5
//!    multisig) releases a batch of payments. Each release re-checks every
//!    rule of a transfer (the recipient sanctioned since the initiation,
//!    its maximum balance, a pause); a payment that fails, or is challenged,
//!    or waits for its fiat leg, stays pending and `SettlementWithheld`
//!    names why, while the rest of the batch is released.
//! 5. [`Pallet::challenge`]: the compliance officer or a bank of either party
//!    objects within the challenge window; only the committee's
//!    [`Pallet::resolve_challenge`] then settles the payment (release or
//!    refund).
//! 6. [`Pallet::cancel_payment`]: the committee refunds an unreleased
//!    payment at any time; [`Pallet::refund_expired`]: after the timeout
//!    anyone does (no scheduler: a refund cannot be dropped as an
//!    overweight task). A refund lifts the hold and gives the corridor's
//!    volume back (on the day it was counted).
//!
//! ## Fiat leg
//!
//! A payment may carry an off-chain (fiat) leg: [`Pallet::open_fiat_leg`]
//! names the receiving bank, and only that bank's signed receipt (unique
//! receipt id, bound to the txId, this chain and an expiry) moves it on,
//! through [`Pallet::submit_fiat_receipt`]. The states move only along
//! `Initiated → FiatPending → FiatConfirmed → Released` or `FiatPending →
//! FiatFailed → Refunded` (and any unsettled state → `Refunded`); every
//! other step is refused by name (`FiatLegExists`, `NoFiatLeg`,
//! `FiatLegSettled`, `FiatLegNotConfirmed`).
//!
//! ## Payment versus payment (FX)
//!
//! [`Pallet::pay_with_fx`] pays a recipient in another currency at a
//! liquidity provider's firm quote, signed off chain: {quote id, source and
//! target asset, rate, maximum source amount, expiry block, this chain's
//! genesis hash, provider}. Both legs (payer → provider in the source asset,
//! provider → recipient in the target asset) are compliant transfers in one
//! transaction: both happen or neither. A quote is taken once
//! ([`FxSettlements`]), never after its expiry or the payer's deadline,
//! never on another chain, never below the payer's `min_out`; the target
//! amount is rounded down, so rounding never costs the provider.
//!
//! A payment is released or refunded exactly once (`PaymentSettled`
//! otherwise); the held amount of every (asset, sender) equals the sum of
//! that sender's unsettled payments of the asset (`do_try_state`).
//!
//! ## Storage
//!
//! Payments are kept after they settle (a txId stays unique and a
//! regulator reads any payment by its txId). Each one escrows real value
//! of at least the corridor's minimum, is counted by the corridor's daily
//! limit and the payment throttle, comes from a verified sender within its
//! transaction budget, and a sender has at most `MaxOpenPayments`
//! unsettled at once.
//!
//! ## Calls
//!
//! | call | origin | emits |
//! |---|---|---|
//! | [`Pallet::initiate_payment`] | a verified customer (the sender) | `PaymentInitiated` (+ `PaymentDataHashStored` with hashes) |
//! | [`Pallet::store_payment_data_hash`] | the sender or its bank (a Bank with the sender's BIC) | `PaymentDataHashStored` |
//! | [`Pallet::confirm_settlements`] | the settlement committee | `PaymentReleased` / `SettlementWithheld` per payment |
//! | [`Pallet::challenge`] | the compliance officer, or a Bank with either party's BIC | `PaymentChallenged` |
//! | [`Pallet::resolve_challenge`] | the settlement committee | `ChallengeResolved` and `PaymentReleased` or `PaymentRefunded` |
//! | [`Pallet::cancel_payment`] | the settlement committee | `PaymentRefunded` |
//! | [`Pallet::refund_expired`] | anyone, once the payment expired | `PaymentRefunded` |
//! | [`Pallet::set_settlement_currency`] | `AdminOrigin` (governance council) | `SettlementCurrencySet` |
//! | [`Pallet::set_rail_settings`] | `AdminOrigin` (governance council) | `RailSettingsSet` |
//! | [`Pallet::pay_with_fx`] | a verified payer, with a liquidity provider's signed quote | `FxPaymentSettled` |
//! | [`Pallet::open_fiat_leg`] | the sender or its bank | `FiatLegOpened` |
//! | [`Pallet::submit_fiat_receipt`] | anyone, with the receiving bank's signed receipt | `FiatLegConfirmed` / `FiatLegFailed` |
//!
//! compliant-assets emits `Transferred` for every release.
//!
//! ## Weights
//!
//! A move goes through compliant-assets, which first tells the holding
//! observers (a distributing fund settles the parties' yield accrual on its
//! share class). The benchmarks move an asset no observer works for, so the
//! calls that move (a release, both legs of an FX payment) declare the
//! observers' most for each movement on top of the benchmark and are
//! charged the benchmark plus what the observers reported.
//!
//! ## Provides
//!
//! [`tokenize_primitives::PaymentEscrow`] (the held part of a holding) for
//! compliant-assets, the freeze pallet and the runtime's pallet-assets
//! freezer; the functions behind the payments runtime API.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

mod functions;
mod impls;
pub mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use types::*;
pub use weights::WeightInfo;

/// What the benchmarks need from the runtime.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId, AssetId, Balance, Signature> {
	/// A permissioned asset with a settlement currency, a corridor from the
	/// sender's jurisdiction to the recipient's that settles it, and
	/// verified `sender` (funded with `funds`) and `recipient` in those
	/// jurisdictions, with their banks' BICs. Returns the asset and the
	/// largest amount one payment may move.
	fn payment_route(sender: &AccountId, recipient: &AccountId, funds: Balance) -> (AssetId, Balance);
	/// Gives `who` a verified identity holding `roles`, with the BIC of the
	/// sender's bank.
	fn make_verified(who: &AccountId, roles: &[tokenize_primitives::Role]);
	/// A liquidity provider (LiquidityProvider role, its key held by the
	/// helper) holding `funds` of a second settleable asset, which it
	/// returns with the provider.
	fn liquidity_provider(funds: Balance) -> (AccountId, AssetId);
	/// A bank (Bank role, its key held by the helper) with the BIC the
	/// helper gives every identity: the parties' bank.
	fn signing_bank() -> AccountId;
	/// `lp`'s signature over `message`.
	fn sign(lp: &AccountId, message: &[u8]) -> Signature;
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{pallet_prelude::*, traits::tokens::Balance as BalanceTrait};
	use frame_system::pallet_prelude::*;
	use sp_core::H256;
	use sp_runtime::traits::{IdentifyAccount, MaybeSerializeDeserialize, Verify};
	use tokenize_primitives::{Breaker, Compliance, ComplianceTransfer, CorridorValidator};

	/// A payment as stored.
	pub type PaymentOf<T> = Payment<
		<T as frame_system::Config>::AccountId,
		<T as Config>::AssetId,
		<T as Config>::Balance,
		BlockNumberFor<T>,
	>;
	/// An FX quote as a call carries it.
	pub type FxQuoteOf<T> = FxQuote<
		<T as frame_system::Config>::AccountId,
		<T as Config>::AssetId,
		<T as Config>::Balance,
		BlockNumberFor<T>,
		<T as frame_system::Config>::Hash,
	>;
	/// A fiat-leg receipt as a call carries it.
	pub type FiatReceiptOf<T> = FiatReceipt<<T as frame_system::Config>::Hash, BlockNumberFor<T>>;
	/// A taken quote as stored.
	pub type FxSettlementOf<T> = FxSettlement<
		<T as frame_system::Config>::AccountId,
		<T as Config>::AssetId,
		<T as Config>::Balance,
		BlockNumberFor<T>,
	>;
	/// A payment as the runtime API shows it.
	pub type PaymentViewOf<T> = PaymentView<
		<T as frame_system::Config>::AccountId,
		<T as Config>::AssetId,
		<T as Config>::Balance,
		BlockNumberFor<T>,
	>;

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;
		/// Asset identifier, as compliant-assets knows it.
		type AssetId: Member + Parameter + Copy + MaxEncodedLen + Ord + MaybeSerializeDeserialize;
		/// Asset balance, as compliant-assets knows it.
		type Balance: BalanceTrait + Parameter + Member + MaybeSerializeDeserialize + MaxEncodedLen;
		/// The identity registry: roles and BICs of banks and the officer.
		type Compliance: Compliance<Self::AccountId>;
		/// compliant-assets: every rule of a transfer, and the release move.
		type Assets: ComplianceTransfer<Self::AccountId, Self::AssetId, Self::Balance>;
		/// The corridors between jurisdictions and their daily volumes.
		type Corridors: CorridorValidator<Self::AccountId, Self::AssetId, Self::Balance>;
		/// The circuit breaker's payment throttle.
		type Breaker: Breaker<Self::AssetId, Self::AccountId, Self::Balance>;
		/// The settlement committee (3-of-5): releases, resolves challenges,
		/// cancels.
		type SettlementOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = Self::AccountId>;
		/// The signature a liquidity provider puts on its quotes and a
		/// receiving bank on its fiat-leg receipts (made off chain).
		type OffchainSignature: Verify<Signer = Self::OffchainSigner> + Parameter;
		/// The key behind such a signature, as an account.
		type OffchainSigner: IdentifyAccount<AccountId = Self::AccountId>;
		/// Sets an asset's settlement currency (the governance council).
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = Self::AccountId>;
		/// Blocks after the initiation during which a challenge is accepted,
		/// until governance sets [`RailSettings`].
		#[pallet::constant]
		type ChallengeWindow: Get<BlockNumberFor<Self>>;
		/// Blocks after the initiation from which anyone may refund an
		/// unreleased payment (24 h), until governance sets [`RailSettings`].
		#[pallet::constant]
		type PaymentTimeout: Get<BlockNumberFor<Self>>;
		/// The longest timeout governance may set: escrow is never held for
		/// longer than this without the committee.
		#[pallet::constant]
		type MaxPaymentTimeout: Get<BlockNumberFor<Self>>;
		/// Most payments one `confirm_settlements` releases.
		#[pallet::constant]
		type MaxSettlementBatch: Get<u32>;
		/// Most unsettled payments one sender may have at once.
		#[pallet::constant]
		type MaxOpenPayments: Get<u32>;
		/// Weights from this pallet's benchmarks.
		type WeightInfo: WeightInfo;
		/// Sets up assets, corridors and identities for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId, Self::AssetId, Self::Balance, Self::OffchainSignature>;
	}

	/// Every payment, by txId.
	#[pallet::storage]
	pub type PaymentRecords<T: Config> = StorageMap<_, Blake2_128Concat, TxId, PaymentOf<T>, OptionQuery>;

	/// Per sender, the nonce its next payment's txId is derived with.
	#[pallet::storage]
	pub type PaymentNonces<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u64, ValueQuery>;

	/// The escrow: per asset and sender, the part of the sender's holding held
	/// for its unsettled payments.
	#[pallet::storage]
	pub type Escrowed<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AssetId, Blake2_128Concat, T::AccountId, T::Balance, ValueQuery>;

	/// Per sender, its unsettled payments (bounded by `MaxOpenPayments`).
	#[pallet::storage]
	pub type OpenPayments<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// Every FX quote taken, by provider and quote id: a quote is taken once.
	#[pallet::storage]
	pub type FxSettlements<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Blake2_128Concat, H256, FxSettlementOf<T>, OptionQuery>;

	/// Every fiat-leg receipt used, by bank and receipt id, with its payment:
	/// a receipt settles one leg once.
	#[pallet::storage]
	pub type UsedReceipts<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Blake2_128Concat, H256, TxId, OptionQuery>;

	/// The challenge window and timeout governance set (`None`: the
	/// runtime's defaults).
	#[pallet::storage]
	pub type Settings<T: Config> = StorageValue<_, RailSettings<BlockNumberFor<T>>, OptionQuery>;

	/// The ISO 4217 currency each settleable asset is written in.
	#[pallet::storage]
	pub type SettlementCurrencies<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AssetId, SettlementCurrency, OptionQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The settlement currency of each asset payments may use.
		pub currencies: Vec<(T::AssetId, SettlementCurrency)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (asset, currency) in &self.currencies {
				// A chain spec with a malformed currency must not start.
				#[allow(clippy::panic)]
				if !currency.is_well_formed() {
					core::panic!("payments genesis: asset {asset:?}: malformed currency {currency:?}");
				}
				SettlementCurrencies::<T>::insert(asset, currency);
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `amount` of `asset` is escrowed in `sender`'s account for
		/// `recipient` on the corridor `source` → `destination`.
		PaymentInitiated {
			tx_id: TxId,
			sender: T::AccountId,
			recipient: T::AccountId,
			asset: T::AssetId,
			amount: T::Balance,
			source: tokenize_primitives::Jurisdiction,
			destination: tokenize_primitives::Jurisdiction,
			expires_at: BlockNumberFor<T>,
		},
		/// The pacs.008 hash (and the travel-rule record's hash) of the
		/// payment are anchored.
		PaymentDataHashStored {
			tx_id: TxId,
			data_hash: Option<H256>,
			travel_rule_hash: Option<H256>,
			by: T::AccountId,
		},
		/// The escrow went to the recipient.
		PaymentReleased { tx_id: TxId, recipient: T::AccountId, asset: T::AssetId, amount: T::Balance },
		/// The committee's release left the payment pending, for `reason`.
		SettlementWithheld { tx_id: TxId, reason: WithholdReason },
		/// `by` objected to the payment; only the committee settles it now.
		PaymentChallenged { tx_id: TxId, by: T::AccountId, reason_hash: H256 },
		/// The committee resolved the challenge.
		ChallengeResolved { tx_id: TxId, outcome: ChallengeOutcome },
		/// The hold was lifted: the sender has the amount back.
		PaymentRefunded {
			tx_id: TxId,
			sender: T::AccountId,
			asset: T::AssetId,
			amount: T::Balance,
			reason: RefundReason,
		},
		/// Governance set (or, with `None`, removed) an asset's settlement
		/// currency.
		SettlementCurrencySet { asset: T::AssetId, currency: Option<SettlementCurrency> },
		/// The payment carries an off-chain (fiat) leg that `receiving_bank`'s
		/// receipt settles; it is `FiatPending`.
		FiatLegOpened { tx_id: TxId, receiving_bank: T::AccountId },
		/// The receiving bank's receipt confirmed the fiat leg.
		FiatLegConfirmed { tx_id: TxId, receipt_id: H256 },
		/// The receiving bank's receipt reported the fiat leg failed.
		FiatLegFailed { tx_id: TxId, receipt_id: H256 },
		/// A payment against the provider's quote settled both legs at once:
		/// `source_amount` from the payer to the provider, `target_amount`
		/// from the provider to the recipient.
		FxPaymentSettled {
			quote_id: H256,
			lp: T::AccountId,
			payer: T::AccountId,
			recipient: T::AccountId,
			source_asset: T::AssetId,
			source_amount: T::Balance,
			target_asset: T::AssetId,
			target_amount: T::Balance,
		},
		/// Governance set (or, with `None`, reset to the defaults) the
		/// challenge window and timeout of payments initiated from now on.
		RailSettingsSet { settings: Option<RailSettings<BlockNumberFor<T>>> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No payment has this txId.
		UnknownPayment,
		/// The payment was already released or refunded.
		PaymentSettled,
		/// The amount is zero.
		ZeroAmount,
		/// Sender and recipient are the same account.
		SelfPayment,
		/// The asset has no settlement currency: payments cannot use it.
		NoSettlementCurrency,
		/// A currency code that is not three upper-case letters, or more than
		/// 18 decimals.
		MalformedCurrency,
		/// The sender already has `MaxOpenPayments` unsettled payments.
		TooManyOpenPayments,
		/// The sender's payment nonce is exhausted.
		NonceExhausted,
		/// The derived txId is already taken (never expected: the nonce
		/// makes every derivation unique).
		TxIdTaken,
		/// The escrowed amount would overflow.
		EscrowOverflow,
		/// Only the sender or its bank may anchor the payment's data.
		NotSenderOrSendingBank,
		/// The payment's data hash is already stored; it is never overwritten.
		DataHashAlreadyStored,
		/// The payment's travel-rule hash is already stored.
		TravelRuleHashAlreadyStored,
		/// Neither a data hash nor a travel-rule hash was given.
		NothingToStore,
		/// The batch is empty.
		EmptyBatch,
		/// The batch has more than `MaxSettlementBatch` payments.
		BatchTooLarge,
		/// The batch names a payment twice.
		DuplicateInBatch,
		/// Only the compliance officer or a bank of the sender or the
		/// recipient may challenge a payment.
		NotEntitledToChallenge,
		/// The payment's challenge window has closed.
		ChallengeWindowClosed,
		/// The payment is already challenged.
		AlreadyChallenged,
		/// The payment is not challenged.
		NotChallenged,
		/// The payment has not reached its timeout yet.
		NotExpired,
		/// The payment's fiat leg is not confirmed: it cannot be released.
		FiatLegNotConfirmed,
		/// The chain or the asset is paused.
		Paused,
		/// The breaker's payment throttle for the asset tripped and cools down.
		PaymentThrottled,
		/// The sender used up its own payment window of the throttle.
		AccountLimitReached,
		/// A challenge window of zero, longer than the timeout, or a timeout
		/// above `MaxPaymentTimeout`.
		InvalidSettings,
		/// The payer's deadline block has passed.
		DeadlinePassed,
		/// The quote names another chain's genesis hash.
		WrongChain,
		/// The signature is not the quote provider's over this quote.
		BadQuoteSignature,
		/// The quote's expiry block has passed.
		QuoteExpired,
		/// The quote was taken already: each quote is taken once.
		QuoteUsed,
		/// The quote's signer does not hold the LiquidityProvider role (or
		/// lost it).
		NotLiquidityProvider,
		/// The quote converts an asset into itself.
		SameAsset,
		/// The amount exceeds the quote's maximum.
		AboveQuoteMaximum,
		/// At the quoted rate the recipient would receive less than `min_out`.
		Slippage,
		/// The converted amount overflows.
		ConversionOverflow,
		/// The receiving bank named is not a Bank whose BIC is the
		/// recipient's bank.
		NotRecipientBank,
		/// The payment already has a fiat leg (pending, confirmed or failed).
		FiatLegExists,
		/// The payment has no fiat leg to settle.
		NoFiatLeg,
		/// The payment's fiat leg is already confirmed or failed.
		FiatLegSettled,
		/// The receipt's expiry block has passed.
		ReceiptExpired,
		/// The receipt was used already.
		ReceiptUsed,
		/// The signature is not the receiving bank's over this receipt.
		BadReceiptSignature,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Pay `amount` of `asset` to `recipient`: escrows the amount in the
		/// caller's account after every rule of a compliant transfer, the
		/// corridor derived from both parties' jurisdictions (its volume
		/// counted) and the breaker's payment throttle. `data_hash` (the
		/// canonical pacs.008 hash) and `travel_rule_hash` may be anchored
		/// at once or later. The txId is in the event.
		///
		/// Origin: a verified sender. Emits `PaymentInitiated` (and
		/// `PaymentDataHashStored` when a hash is given).
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::initiate_payment())]
		pub fn initiate_payment(
			origin: OriginFor<T>,
			asset: T::AssetId,
			recipient: T::AccountId,
			amount: T::Balance,
			data_hash: Option<H256>,
			travel_rule_hash: Option<H256>,
		) -> DispatchResult {
			let sender = ensure_signed(origin)?;
			let tx_id = Self::do_initiate_payment(sender.clone(), asset, recipient, amount)?;
			if data_hash.is_some() || travel_rule_hash.is_some() {
				Self::do_store_data_hash(sender, tx_id, data_hash, travel_rule_hash)?;
			}
			Ok(())
		}

		/// Anchor the payment's pacs.008 hash and/or travel-rule hash; each
		/// is stored once and never overwritten, only while the payment is
		/// unsettled.
		///
		/// Origin: the sender, or a Bank whose BIC is the sender's. Emits
		/// `PaymentDataHashStored`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::store_payment_data_hash())]
		pub fn store_payment_data_hash(
			origin: OriginFor<T>,
			tx_id: TxId,
			data_hash: Option<H256>,
			travel_rule_hash: Option<H256>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_store_data_hash(who, tx_id, data_hash, travel_rule_hash)
		}

		/// Release each payment of `tx_ids` to its recipient. The batch is
		/// refused as a whole when it is empty, too large, names a payment
		/// twice, or names an unknown or settled payment; a payment that is
		/// challenged, waits for its fiat leg or whose move is refused now
		/// stays pending (`SettlementWithheld` names why).
		///
		/// Origin: the settlement committee. Emits `PaymentReleased` or
		/// `SettlementWithheld` per payment (and compliant-assets'
		/// `Transferred` per release).
		#[pallet::call_index(2)]
		#[pallet::weight(T::Assets::with_observers(
			T::WeightInfo::confirm_settlements(Pallet::<T>::settlement_batch_len(&tx_ids)),
			Pallet::<T>::settlement_batch_len(&tx_ids),
		))]
		pub fn confirm_settlements(origin: OriginFor<T>, tx_ids: Vec<TxId>) -> DispatchResultWithPostInfo {
			T::SettlementOrigin::ensure_origin(origin)?;
			let benchmarked = T::WeightInfo::confirm_settlements(Self::settlement_batch_len(&tx_ids));
			let observed = Self::do_confirm_settlements(tx_ids)?;
			Ok(Some(benchmarked.saturating_add(observed)).into())
		}

		/// Object to an unsettled payment within its challenge window, with
		/// the hash of the reasoned objection: it can no longer be released
		/// by `confirm_settlements`.
		///
		/// Origin: the compliance officer, or a Bank whose BIC is the
		/// sender's or the recipient's. Emits `PaymentChallenged`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::challenge())]
		pub fn challenge(origin: OriginFor<T>, tx_id: TxId, reason_hash: H256) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_challenge(who, tx_id, reason_hash)
		}

		/// Settle a challenged payment: release it now (every rule of the
		/// move re-checked; a refusal fails the call with its error) or
		/// refund it.
		///
		/// Origin: the settlement committee. Emits `ChallengeResolved` and
		/// `PaymentReleased` or `PaymentRefunded`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::Assets::with_observers(T::WeightInfo::resolve_challenge(), 1))]
		pub fn resolve_challenge(
			origin: OriginFor<T>,
			tx_id: TxId,
			outcome: ChallengeOutcome,
		) -> DispatchResultWithPostInfo {
			T::SettlementOrigin::ensure_origin(origin)?;
			let observed = Self::do_resolve_challenge(tx_id, outcome)?;
			Ok(Some(T::WeightInfo::resolve_challenge().saturating_add(observed)).into())
		}

		/// Refund an unreleased payment.
		///
		/// Origin: the settlement committee. Emits `PaymentRefunded`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::refund())]
		pub fn cancel_payment(origin: OriginFor<T>, tx_id: TxId) -> DispatchResult {
			T::SettlementOrigin::ensure_origin(origin)?;
			Self::do_refund(tx_id, RefundReason::Cancelled)
		}

		/// Refund an unreleased payment whose timeout has passed.
		///
		/// Origin: any signed account. Emits `PaymentRefunded`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::refund())]
		pub fn refund_expired(origin: OriginFor<T>, tx_id: TxId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_refund_expired(tx_id)
		}

		/// Set the ISO 4217 currency and decimals `asset` is written in, or
		/// remove it with `None` (no new payment may then use the asset;
		/// pending ones settle as before).
		///
		/// Origin: `AdminOrigin`. Emits `SettlementCurrencySet`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::set_settlement_currency())]
		pub fn set_settlement_currency(
			origin: OriginFor<T>,
			asset: T::AssetId,
			currency: Option<SettlementCurrency>,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_set_settlement_currency(asset, currency)
		}

		/// Pay `recipient` in the quote's target asset at a liquidity
		/// provider's signed rate (payment versus payment): in one transaction
		/// `source_amount` goes from the caller to the provider and
		/// `floor(source_amount × rate)` (at least `min_out`) from the
		/// provider to the recipient, each a compliant transfer; both or
		/// neither. The quote must be signed by a LiquidityProvider over its
		/// encoding, name this chain's genesis hash, be unexpired and untaken;
		/// the call must land by `deadline`; the corridor between the payer
		/// and the recipient is validated and counted, and the payment
		/// throttle applies.
		///
		/// Origin: a verified payer. Emits `FxPaymentSettled` (and
		/// compliant-assets' `Transferred` for each leg).
		#[pallet::call_index(9)]
		#[pallet::weight(T::Assets::with_observers(T::WeightInfo::pay_with_fx(), 2))]
		pub fn pay_with_fx(
			origin: OriginFor<T>,
			quote: FxQuoteOf<T>,
			signature: T::OffchainSignature,
			recipient: T::AccountId,
			source_amount: T::Balance,
			min_out: T::Balance,
			deadline: BlockNumberFor<T>,
		) -> DispatchResultWithPostInfo {
			let payer = ensure_signed(origin)?;
			let observed = Self::do_pay_with_fx(payer, quote, signature, recipient, source_amount, min_out, deadline)?;
			Ok(Some(T::WeightInfo::pay_with_fx().saturating_add(observed)).into())
		}

		/// Give the payment an off-chain (fiat) leg that `receiving_bank` (a
		/// Bank whose BIC is the recipient's bank) confirms with a signed
		/// receipt: `Initiated` → `FiatPending`. Until the receipt confirms
		/// it, the committee cannot release the payment.
		///
		/// Origin: the sender or its bank. Emits `FiatLegOpened`.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::open_fiat_leg())]
		pub fn open_fiat_leg(origin: OriginFor<T>, tx_id: TxId, receiving_bank: T::AccountId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_open_fiat_leg(who, tx_id, receiving_bank)
		}

		/// Settle a payment's fiat leg with the receiving bank's signed
		/// receipt: `FiatPending` → `FiatConfirmed` (the committee may then
		/// release) or `FiatFailed` (only a refund remains). The receipt names
		/// the payment, this chain and an expiry, and is used once.
		///
		/// Origin: any signed account (the receipt is the authority). Emits
		/// `FiatLegConfirmed` or `FiatLegFailed`.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::submit_fiat_receipt())]
		pub fn submit_fiat_receipt(
			origin: OriginFor<T>,
			receipt: FiatReceiptOf<T>,
			signature: T::OffchainSignature,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_submit_fiat_receipt(receipt, signature)
		}

		/// Set the challenge window and the timeout of payments initiated
		/// from now on (`0 < challenge_window <= payment_timeout <=
		/// MaxPaymentTimeout`), or return to the runtime's defaults with
		/// `None`. Pending payments keep theirs.
		///
		/// Origin: `AdminOrigin`. Emits `RailSettingsSet`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::set_rail_settings())]
		pub fn set_rail_settings(
			origin: OriginFor<T>,
			settings: Option<RailSettings<BlockNumberFor<T>>>,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_set_rail_settings(settings)
		}
	}
}
