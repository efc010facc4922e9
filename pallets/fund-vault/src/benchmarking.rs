//! Benchmarks for the fund vault (frame-benchmarking v2, instanced), each in
//! its worst case: a KID to check and a yield index to settle on every
//! holding change, a gate that binds (every closed day defers to the next),
//! a claim across `d` gated days each priced at its own NAV, a switch into
//! the target fund. The runtime benchmarks the money-market instance, which
//! has all of these; the mutual fund shares its weights.

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Get, Hooks};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_runtime::{traits::Zero, FixedU128, Perquintill};
use tokenize_primitives::{AssetHoldings, SwitchTarget};

/// The clock the benchmarks start at: 2026-12-01 09:00 UTC.
const START_MS: u64 = 20_788 * DAY_MS + 9 * 3_600_000;
const START_DAY: Day = 20_788;

/// A refused set-up step stops the benchmark with the refusal's name.
fn stop(error: sp_runtime::DispatchError) -> BenchmarkError {
	BenchmarkError::Stop(error.into())
}

/// The fund configured, NAVs struck now, a yield index to settle.
fn fund<T: Config<I>, I: 'static>() -> FundConfigOf<T, I> {
	let config = T::BenchmarkHelper::funds();
	Fund::<T, I>::put(&config);
	T::BenchmarkHelper::strike_navs_at(START_MS);
	YieldIndex::<T, I>::put(FixedU128::from_rational(1, 1_000));
	config
}

/// Investor `index`, verified, holding €10,000 and with the KID
/// acknowledged.
fn investor<T: Config<I>, I: 'static>(config: &FundConfigOf<T, I>, index: u32) -> T::AccountId {
	let who: T::AccountId = account("investor", index, 0);
	T::BenchmarkHelper::investor(&who, &config.payment_asset, 1_000_000u32.into());
	KidAcknowledgements::<T, I>::insert(&who, T::BenchmarkHelper::kid(&config.share_asset));
	who
}

/// Investor `index` holding the shares of a €5,000 subscription.
fn shareholder<T: Config<I>, I: 'static>(config: &FundConfigOf<T, I>, index: u32) -> Result<T::AccountId, BenchmarkError> {
	let who = investor::<T, I>(config, index);
	Pallet::<T, I>::do_subscribe(who.clone(), 500_000u32.into(), None).map_err(stop)?;
	Ok(who)
}

/// Days `START_DAY + 1 ..= START_DAY + days` with a binding gate: each owes
/// more than a tenth of the outstanding shares.
fn due_days<T: Config<I>, I: 'static>(days: u32, shares: T::Balance) {
	let mut open = OpenGateDays::<T, I>::get();
	for day in START_DAY + 1..=START_DAY + days {
		GateDays::<T, I>::insert(day, GateDay { requested: shares, requests: 1, released: None });
		let _ = open.try_push(day);
	}
	OpenGateDays::<T, I>::put(open);
}

#[instance_benchmarks]
mod benchmarks {
	use super::*;

	/// `c` gated days close in one block, each deferring to the next.
	#[benchmark]
	fn on_initialize(c: Linear<0, { T::MaxClaimDays::get() }>) -> Result<(), BenchmarkError> {
		let config = fund::<T, I>();
		let holder = shareholder::<T, I>(&config, 0)?;
		let shares = T::Holdings::balance(&config.share_asset, &holder);
		due_days::<T, I>(c, shares);
		T::BenchmarkHelper::strike_navs_at(START_MS + u64::from(c) * DAY_MS);

		#[block]
		{
			Pallet::<T, I>::on_initialize(BlockNumberFor::<T>::zero());
		}

		assert!(OpenGateDays::<T, I>::get().iter().all(|day| *day > START_DAY + c));
		Ok(())
	}

	#[benchmark]
	fn configure_fund() -> Result<(), BenchmarkError> {
		let config = T::BenchmarkHelper::funds();
		let origin = T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, config.clone());

		assert_eq!(Fund::<T, I>::get(), Some(config));
		Ok(())
	}

	#[benchmark]
	fn acknowledge_kid() -> Result<(), BenchmarkError> {
		let config = fund::<T, I>();
		let who = investor::<T, I>(&config, 0);
		KidAcknowledgements::<T, I>::remove(&who);
		let kid = T::BenchmarkHelper::kid(&config.share_asset);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), kid);

		assert_eq!(KidAcknowledgements::<T, I>::get(&who), Some(kid));
		Ok(())
	}

	/// A retail investor (KID checked) adding to its holding (yield settled).
	#[benchmark]
	fn subscribe() -> Result<(), BenchmarkError> {
		let config = fund::<T, I>();
		let who = shareholder::<T, I>(&config, 0)?;
		let before = T::Holdings::balance(&config.share_asset, &who);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), 100_000u32.into());

		assert!(T::Holdings::balance(&config.share_asset, &who) > before);
		Ok(())
	}

	/// A day due to close first, then the request.
	#[benchmark]
	fn request_redeem() -> Result<(), BenchmarkError> {
		let config = fund::<T, I>();
		let who = shareholder::<T, I>(&config, 0)?;
		let shares = T::Holdings::balance(&config.share_asset, &who);
		due_days::<T, I>(1, shares);
		T::BenchmarkHelper::strike_navs_at(START_MS + DAY_MS);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), shares);

		assert_eq!(Locked::<T, I>::get(&who), shares);
		Ok(())
	}

	#[benchmark]
	fn cancel_redeem() -> Result<(), BenchmarkError> {
		let config = fund::<T, I>();
		let who = shareholder::<T, I>(&config, 0)?;
		let shares = T::Holdings::balance(&config.share_asset, &who);
		Pallet::<T, I>::do_request_redeem(who.clone(), shares).map_err(stop)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), 0);

		assert!(Locked::<T, I>::get(&who).is_zero());
		Ok(())
	}

	/// A request the gate deferred across `d` days, each paid at its own
	/// NAV in one claim.
	#[benchmark]
	fn claim_redeem(d: Linear<1, { T::MaxClaimDays::get() }>) -> Result<(), BenchmarkError> {
		let config = fund::<T, I>();
		let who = shareholder::<T, I>(&config, 0)?;
		let shares = T::Holdings::balance(&config.share_asset, &who);
		Pallet::<T, I>::do_request_redeem(who.clone(), shares).map_err(stop)?;
		let first = START_DAY + config.notice_days;
		for day in first..first + d {
			// Half of what is left each day; the last day pays the rest.
			let released = if day + 1 == first + d { Perquintill::one() } else { Perquintill::from_percent(50) };
			GateDays::<T, I>::insert(day, GateDay { requested: shares, requests: 1, released: Some(released) });
			T::BenchmarkHelper::strike_navs_at(Pallet::<T, I>::day_start(day) + 1);
		}
		OpenGateDays::<T, I>::kill();
		let claimer: T::AccountId = account("claimer", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(claimer), who.clone(), 0);

		assert!(!Redemptions::<T, I>::contains_key(&who, 0));
		Ok(())
	}

	#[benchmark]
	fn switch_to() -> Result<(), BenchmarkError> {
		let config = fund::<T, I>();
		let target = T::SwitchTarget::fund().ok_or(BenchmarkError::Weightless)?;
		let who = shareholder::<T, I>(&config, 0)?;
		let shares = T::Holdings::balance(&config.share_asset, &who);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), target, shares);

		assert!(T::Holdings::balance(&config.share_asset, &who).is_zero());
		Ok(())
	}

	#[benchmark]
	fn distribute_yield() -> Result<(), BenchmarkError> {
		let config = fund::<T, I>();
		shareholder::<T, I>(&config, 0)?;
		let origin = T::ManagerOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, 1_000u32.into());

		assert_eq!(LastDistribution::<T, I>::get(), Some(START_DAY));
		Ok(())
	}

	#[benchmark]
	fn claim_yield() -> Result<(), BenchmarkError> {
		let config = fund::<T, I>();
		let who = shareholder::<T, I>(&config, 0)?;
		Pallet::<T, I>::do_distribute_yield(1_000_000u32.into()).map_err(stop)?;
		let claimer: T::AccountId = account("claimer", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(claimer), who.clone());

		assert!(YieldCheckpoints::<T, I>::get(&who).is_some_and(|(_, accrued)| accrued.is_zero()));
		Ok(())
	}

	/// What the fund's yield accrual adds to a holding change of its shares
	/// (compliant-assets charges it per party, on top of its own weights):
	/// the holder's accrual settled against an index that moved since its
	/// last checkpoint.
	#[benchmark]
	fn before_holding_change() -> Result<(), BenchmarkError> {
		let config = fund::<T, I>();
		let who = shareholder::<T, I>(&config, 0)?;
		Pallet::<T, I>::do_distribute_yield(1_000_000u32.into()).map_err(stop)?;
		let settled;

		#[block]
		{
			settled = Pallet::<T, I>::before_holding_change(&config.share_asset, &who);
		}

		assert!(settled);
		assert!(YieldCheckpoints::<T, I>::get(&who).is_some_and(|(_, accrued)| !accrued.is_zero()));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
