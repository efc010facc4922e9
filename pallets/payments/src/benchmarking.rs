//! Benchmarks for the payment rail (frame-benchmarking v2), each in its
//! worst case: both hashes anchored at initiation, the sending bank (not
//! the sender) storing a hash, a full batch of releases from distinct
//! senders, the recipient's bank (the last check) challenging, a challenge
//! resolved by a release, and a refund on the day the volume was counted.
//! In the runtime the release runs every compliant-assets rule.

use super::*;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Get};
use frame_system::RawOrigin;
use sp_core::H256;
use sp_runtime::traits::Saturating;
use tokenize_primitives::Role;

fn stop(reason: &'static str) -> impl FnOnce(sp_runtime::DispatchError) -> BenchmarkError {
	move |_| BenchmarkError::Stop(reason)
}

/// A funded sender `index` and a payment of the largest amount to `recipient`.
fn initiated<T: Config>(index: u32, recipient: &T::AccountId) -> Result<TxId, BenchmarkError> {
	let sender: T::AccountId = account("sender", index, 0);
	let (asset, amount) = T::BenchmarkHelper::payment_route(&sender, recipient, 1_000_000u32.into());
	Pallet::<T>::do_initiate_payment(sender, asset, recipient.clone(), amount).map_err(stop("initiation refused"))
}

fn recipient<T: Config>() -> T::AccountId {
	account("recipient", 0, 0)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn initiate_payment() -> Result<(), BenchmarkError> {
		let sender: T::AccountId = account("sender", 0, 0);
		let recipient = recipient::<T>();
		let (asset, amount) = T::BenchmarkHelper::payment_route(&sender, &recipient, 1_000_000u32.into());

		#[extrinsic_call]
		_(RawOrigin::Signed(sender.clone()), asset, recipient, amount, Some(H256::repeat_byte(1)), Some(H256::repeat_byte(2)));

		assert_eq!(Escrowed::<T>::get(asset, &sender), amount);
		assert_eq!(OpenPayments::<T>::get(&sender), 1);
		Ok(())
	}

	#[benchmark]
	fn store_payment_data_hash() -> Result<(), BenchmarkError> {
		let tx_id = initiated::<T>(0, &recipient::<T>())?;
		let bank: T::AccountId = account("sending-bank", 0, 0);
		// The helper gives every identity the sender's bank's BIC.
		T::BenchmarkHelper::make_verified(&bank, &[Role::Bank]);

		#[extrinsic_call]
		_(RawOrigin::Signed(bank), tx_id, Some(H256::repeat_byte(1)), Some(H256::repeat_byte(2)));

		assert_eq!(PaymentRecords::<T>::get(tx_id).and_then(|p| p.data_hash), Some(H256::repeat_byte(1)));
		Ok(())
	}

	#[benchmark]
	fn confirm_settlements(n: Linear<1, { T::MaxSettlementBatch::get() }>) -> Result<(), BenchmarkError> {
		let recipient = recipient::<T>();
		let tx_ids = (0..n).map(|i| initiated::<T>(i, &recipient)).collect::<Result<Vec<_>, _>>()?;
		let origin = T::SettlementOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, tx_ids.clone());

		for tx_id in tx_ids {
			let released = PaymentRecords::<T>::get(tx_id).is_some_and(|p| matches!(p.status, PaymentStatus::Released { .. }));
			assert!(released, "every payment of the batch is released");
		}
		Ok(())
	}

	#[benchmark]
	fn challenge() -> Result<(), BenchmarkError> {
		let tx_id = initiated::<T>(0, &recipient::<T>())?;
		let bank: T::AccountId = account("receiving-bank", 0, 0);
		T::BenchmarkHelper::make_verified(&bank, &[Role::Bank]);

		#[extrinsic_call]
		_(RawOrigin::Signed(bank.clone()), tx_id, H256::repeat_byte(3));

		assert_eq!(PaymentRecords::<T>::get(tx_id).and_then(|p| p.challenge).map(|c| c.by), Some(bank));
		Ok(())
	}

	#[benchmark]
	fn resolve_challenge() -> Result<(), BenchmarkError> {
		let recipient = recipient::<T>();
		let tx_id = initiated::<T>(0, &recipient)?;
		let officer: T::AccountId = account("officer", 0, 0);
		T::BenchmarkHelper::make_verified(&officer, &[Role::ComplianceOfficer]);
		Pallet::<T>::do_challenge(officer, tx_id, H256::repeat_byte(3)).map_err(stop("challenge refused"))?;
		let origin = T::SettlementOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, tx_id, ChallengeOutcome::Release);

		assert!(PaymentRecords::<T>::get(tx_id).is_some_and(|p| matches!(p.status, PaymentStatus::Released { .. })));
		Ok(())
	}

	#[benchmark]
	fn refund() -> Result<(), BenchmarkError> {
		let tx_id = initiated::<T>(0, &recipient::<T>())?;
		let expiry = frame_system::Pallet::<T>::block_number().saturating_add(Pallet::<T>::rail_settings().payment_timeout);
		frame_system::Pallet::<T>::set_block_number(expiry);
		let anyone: T::AccountId = account("anyone", 0, 0);

		#[extrinsic_call]
		refund_expired(RawOrigin::Signed(anyone), tx_id);

		assert!(PaymentRecords::<T>::get(tx_id).is_some_and(|p| matches!(p.status, PaymentStatus::Refunded { .. })));
		Ok(())
	}

	#[benchmark]
	fn set_settlement_currency() -> Result<(), BenchmarkError> {
		let (asset, _) = T::BenchmarkHelper::payment_route(&account("sender", 0, 0), &recipient::<T>(), 1u32.into());
		let origin = T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let currency = SettlementCurrency { code: *b"CHF", decimals: 2 };

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, asset, Some(currency));

		assert_eq!(SettlementCurrencies::<T>::get(asset), Some(currency));
		Ok(())
	}

	#[benchmark]
	fn pay_with_fx() -> Result<(), BenchmarkError> {
		use codec::Encode;
		let payer: T::AccountId = account("sender", 0, 0);
		let recipient = recipient::<T>();
		let (source_asset, amount) = T::BenchmarkHelper::payment_route(&payer, &recipient, 1_000_000u32.into());
		let (lp, target_asset) = T::BenchmarkHelper::liquidity_provider(1_000_000u32.into());
		let now = frame_system::Pallet::<T>::block_number();
		let later = now.saturating_add(10u32.into());
		let quote = FxQuote {
			quote_id: H256::repeat_byte(7),
			lp: lp.clone(),
			source_asset,
			target_asset,
			rate: sp_runtime::FixedU128::from_rational(9, 10),
			max_source_amount: amount,
			expires_at: later,
			genesis_hash: frame_system::Pallet::<T>::block_hash(frame_system::pallet_prelude::BlockNumberFor::<T>::from(0u32)),
		};
		let signature = T::BenchmarkHelper::sign(&lp, &quote.encode());

		#[extrinsic_call]
		_(RawOrigin::Signed(payer), quote, signature, recipient, amount, 1u32.into(), later);

		assert!(FxSettlements::<T>::contains_key(&lp, H256::repeat_byte(7)));
		Ok(())
	}

	#[benchmark]
	fn open_fiat_leg() -> Result<(), BenchmarkError> {
		let tx_id = initiated::<T>(0, &recipient::<T>())?;
		let bank = T::BenchmarkHelper::signing_bank();
		let sending_bank: T::AccountId = account("sending-bank", 0, 0);
		T::BenchmarkHelper::make_verified(&sending_bank, &[Role::Bank]);

		#[extrinsic_call]
		_(RawOrigin::Signed(sending_bank), tx_id, bank);

		assert!(PaymentRecords::<T>::get(tx_id).is_some_and(|p| p.status == PaymentStatus::FiatPending));
		Ok(())
	}

	#[benchmark]
	fn submit_fiat_receipt() -> Result<(), BenchmarkError> {
		use codec::Encode;
		let tx_id = initiated::<T>(0, &recipient::<T>())?;
		let bank = T::BenchmarkHelper::signing_bank();
		let sender: T::AccountId = account("sender", 0, 0);
		Pallet::<T>::do_open_fiat_leg(sender, tx_id, bank.clone()).map_err(stop("fiat leg refused"))?;
		let receipt = FiatReceipt {
			receipt_id: H256::repeat_byte(9),
			tx_id,
			genesis_hash: frame_system::Pallet::<T>::block_hash(frame_system::pallet_prelude::BlockNumberFor::<T>::from(0u32)),
			expires_at: frame_system::Pallet::<T>::block_number().saturating_add(10u32.into()),
			outcome: FiatOutcome::Confirmed,
		};
		let signature = T::BenchmarkHelper::sign(&bank, &receipt.encode());
		let anyone: T::AccountId = account("anyone", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(anyone), receipt, signature);

		assert!(PaymentRecords::<T>::get(tx_id).is_some_and(|p| p.status == PaymentStatus::FiatConfirmed));
		Ok(())
	}

	#[benchmark]
	fn set_rail_settings() -> Result<(), BenchmarkError> {
		let origin = T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let timeout = T::MaxPaymentTimeout::get();
		let settings = RailSettings { challenge_window: timeout, payment_timeout: timeout };

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, Some(settings));

		assert_eq!(Settings::<T>::get(), Some(settings));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
