//! Benchmarks for the mint escrow (frame-benchmarking v2), each in its worst
//! case: a token under a standing depositary pause for its reconfiguration,
//! a full attestation history to rotate, and in the runtime the issue and
//! burn through compliant-assets with throttles in force (the runtime's
//! helper sets them on the asset it provides).

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Get};
use frame_system::RawOrigin;
use sp_core::H256;
use sp_runtime::traits::{One, Saturating};
use tokenize_primitives::{PermissionedSupply, Role};

const AMOUNT: u32 = 1_000_000;

struct Setup<T: Config> {
	asset: T::AssetId,
	issuer: T::AccountId,
	depositary: T::AccountId,
	holder: T::AccountId,
}

fn admin<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

fn token<T: Config>(issuer: &T::AccountId, depositary: &T::AccountId) -> DepositTokenOf<T> {
	DepositToken {
		issuer: issuer.clone(),
		depositary: depositary.clone(),
		reserve_account: H256::repeat_byte(0xAA),
		clearing_window: 100u32.into(),
		max_attestation_age: 1_000u32.into(),
		min_redemption: One::one(),
	}
}

fn stop(reason: &'static str) -> impl FnOnce(sp_runtime::DispatchError) -> BenchmarkError {
	move |_| BenchmarkError::Stop(reason)
}

/// A statement of `fiat` as of the current block.
fn statement<T: Config>(fiat: T::Balance) -> ReserveStatementOf<T> {
	ReserveStatement {
		fiat_balance: fiat,
		liabilities: fiat,
		reserve_root: H256::repeat_byte(1),
		report_hash: H256::repeat_byte(2),
		as_of: frame_system::Pallet::<T>::block_number(),
	}
}

/// A deposit token with an issuer, a depositary, a compliant holder and a
/// generous attestation as of the current block.
fn deposit_token<T: Config>() -> Result<Setup<T>, BenchmarkError> {
	let asset = T::BenchmarkHelper::permissioned_asset();
	let issuer: T::AccountId = account("issuer", 0, 0);
	let depositary: T::AccountId = account("depositary", 0, 0);
	let holder: T::AccountId = account("holder", 0, 0);
	T::BenchmarkHelper::make_verified(&issuer, &[Role::MintOperator, Role::Bank]);
	T::BenchmarkHelper::make_verified(&depositary, &[Role::Depositary]);
	T::BenchmarkHelper::make_verified(&holder, &[]);
	Pallet::<T>::do_set_deposit_token(asset, token::<T>(&issuer, &depositary)).map_err(stop("token setup"))?;
	let fiat = T::Supply::total_issuance(&asset).saturating_add(AMOUNT.saturating_mul(1_000).into());
	Pallet::<T>::do_attest_backing(depositary.clone(), asset, statement::<T>(fiat)).map_err(stop("attestation setup"))?;
	Ok(Setup { asset, issuer, depositary, holder })
}

fn record<T: Config>(setup: &Setup<T>, n: u8) -> Result<DepositRef, BenchmarkError> {
	let deposit_ref = H256::repeat_byte(n);
	Pallet::<T>::do_record_deposit(setup.issuer.clone(), setup.asset, setup.holder.clone(), AMOUNT.into(), deposit_ref)
		.map_err(stop("deposit setup"))?;
	Ok(deposit_ref)
}

/// A cleared deposit and an open redemption of all of it.
fn open_redemption<T: Config>(setup: &Setup<T>) -> Result<RedemptionId, BenchmarkError> {
	let deposit_ref = record(setup, 1)?;
	Pallet::<T>::do_confirm_clearing(setup.issuer.clone(), deposit_ref).map_err(stop("clearing setup"))?;
	let id = NextRedemptionId::<T>::get();
	Pallet::<T>::do_redeem(setup.holder.clone(), setup.asset, AMOUNT.into(), H256::repeat_byte(3))
		.map_err(stop("redemption setup"))?;
	Ok(id)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// Worst case: the token exists and its depositary's pause stands, so the
	/// old configuration is read to compare depositaries.
	#[benchmark]
	fn set_deposit_token() -> Result<(), BenchmarkError> {
		let setup = deposit_token::<T>()?;
		Pallet::<T>::do_depositary_pause(setup.depositary.clone(), setup.asset).map_err(stop("pause setup"))?;
		let origin = admin::<T>()?;
		let mut changed = token::<T>(&setup.issuer, &setup.depositary);
		changed.min_redemption = 2u32.into();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, setup.asset, changed.clone());
		assert_eq!(DepositTokens::<T>::get(setup.asset), Some(changed));
		Ok(())
	}

	#[benchmark]
	fn record_deposit() -> Result<(), BenchmarkError> {
		let setup = deposit_token::<T>()?;
		let deposit_ref = H256::repeat_byte(9);
		#[extrinsic_call]
		_(RawOrigin::Signed(setup.issuer.clone()), setup.asset, setup.holder.clone(), AMOUNT.into(), deposit_ref);
		assert_eq!(Uncleared::<T>::get(setup.asset, &setup.holder), AMOUNT.into());
		Ok(())
	}

	#[benchmark]
	fn confirm_clearing() -> Result<(), BenchmarkError> {
		let setup = deposit_token::<T>()?;
		let deposit_ref = record(&setup, 1)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(setup.issuer.clone()), deposit_ref);
		assert_eq!(Deposits::<T>::get(deposit_ref).map(|d| d.status), Some(DepositStatus::Cleared));
		Ok(())
	}

	#[benchmark]
	fn reverse_deposit() -> Result<(), BenchmarkError> {
		let setup = deposit_token::<T>()?;
		let deposit_ref = record(&setup, 1)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(setup.issuer.clone()), deposit_ref, ReversalReason::ClearingFailed);
		assert_eq!(Deposits::<T>::get(deposit_ref).map(|d| d.status), Some(DepositStatus::Reversed));
		Ok(())
	}

	#[benchmark]
	fn redeem() -> Result<(), BenchmarkError> {
		let setup = deposit_token::<T>()?;
		let deposit_ref = record(&setup, 1)?;
		Pallet::<T>::do_confirm_clearing(setup.issuer.clone(), deposit_ref).map_err(stop("clearing setup"))?;
		#[extrinsic_call]
		_(RawOrigin::Signed(setup.holder.clone()), setup.asset, AMOUNT.into(), H256::repeat_byte(3));
		assert!(Redemptions::<T>::contains_key(0));
		Ok(())
	}

	#[benchmark]
	fn confirm_payout() -> Result<(), BenchmarkError> {
		let setup = deposit_token::<T>()?;
		let id = open_redemption(&setup)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(setup.issuer.clone()), id, H256::repeat_byte(4));
		assert_eq!(Redemptions::<T>::get(id).map(|r| r.status), Some(RedemptionStatus::Paid));
		Ok(())
	}

	#[benchmark]
	fn fail_payout() -> Result<(), BenchmarkError> {
		let setup = deposit_token::<T>()?;
		let id = open_redemption(&setup)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(setup.issuer.clone()), id, PayoutFailure::AccountClosed);
		assert_eq!(Redemptions::<T>::get(id).map(|r| r.status), Some(RedemptionStatus::Failed));
		Ok(())
	}

	/// Worst case: the history is full, so the oldest is dropped.
	#[benchmark]
	fn attest_backing() -> Result<(), BenchmarkError> {
		let setup = deposit_token::<T>()?;
		let now = frame_system::Pallet::<T>::block_number();
		for _ in 0..T::MaxAttestations::get() {
			Pallet::<T>::do_attest_backing(setup.depositary.clone(), setup.asset, statement::<T>(One::one()))
				.map_err(stop("history setup"))?;
		}
		#[extrinsic_call]
		_(
			RawOrigin::Signed(setup.depositary.clone()),
			setup.asset,
			AMOUNT.into(),
			AMOUNT.into(),
			H256::repeat_byte(5),
			H256::repeat_byte(6),
			now,
		);
		assert_eq!(LatestAttestation::<T>::get(setup.asset).map(|a| a.reserve_root), Some(H256::repeat_byte(5)));
		Ok(())
	}

	#[benchmark]
	fn depositary_pause() -> Result<(), BenchmarkError> {
		let setup = deposit_token::<T>()?;
		#[extrinsic_call]
		_(RawOrigin::Signed(setup.depositary.clone()), setup.asset);
		assert!(DepositaryPauses::<T>::contains_key(setup.asset));
		Ok(())
	}

	#[benchmark]
	fn depositary_resume() -> Result<(), BenchmarkError> {
		let setup = deposit_token::<T>()?;
		Pallet::<T>::do_depositary_pause(setup.depositary.clone(), setup.asset).map_err(stop("pause setup"))?;
		#[extrinsic_call]
		_(RawOrigin::Signed(setup.depositary.clone()), setup.asset);
		assert!(!DepositaryPauses::<T>::contains_key(setup.asset));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
