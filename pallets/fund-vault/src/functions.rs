//! The logic behind each call; `lib.rs` only checks origins and delegates
//! here.

use crate::{pallet::*, types::*};
use alloc::vec::Vec;
use frame_support::{
	ensure,
	pallet_prelude::{DispatchError, DispatchResult},
	traits::{Get, UnixTime},
};
use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding,
	traits::{AccountIdConversion, CheckedAdd, One, Saturating, Zero},
	FixedPointNumber, FixedU128, PerThing, Perquintill, Rounding,
};
use tokenize_primitives::{
	AssetHoldings, Compliance, ComplianceTransfer, DepositTokens, FundId, FundShareClasses, NavProvider, NavRefusal,
	PermissionedSupply, SwitchTarget,
};

fn to_u128<B: TryInto<u128>>(value: B) -> u128 {
	value.try_into().unwrap_or(u128::MAX)
}

fn from_u128<B: TryFrom<u128> + sp_runtime::traits::Bounded>(value: u128) -> B {
	B::try_from(value).unwrap_or_else(|_| B::max_value())
}

/// `fraction` of `amount`, rounded down.
fn part<B: TryInto<u128> + TryFrom<u128> + sp_runtime::traits::Bounded>(fraction: Perquintill, amount: B) -> B {
	from_u128(fraction.mul_floor(to_u128(amount)))
}

/// 10^decimals as u128, if it fits.
fn pow10(decimals: u8) -> Option<u128> {
	10u128.checked_pow(decimals.into())
}

impl<T: Config<I>, I: 'static> Pallet<T, I> {
	// ---- clock and accounts ------------------------------------------------

	/// The fund's cash account: keyless, derived from the instance's pallet id.
	pub fn cash_account() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	pub fn now_ms() -> u64 {
		u64::try_from(T::TimeProvider::now().as_millis()).unwrap_or(u64::MAX)
	}

	/// Today's UTC day.
	pub fn today() -> Day {
		Day::try_from(Self::now_ms() / DAY_MS).unwrap_or(Day::MAX)
	}

	/// The start of `day`, Unix milliseconds.
	pub fn day_start(day: Day) -> u64 {
		u64::from(day).saturating_mul(DAY_MS)
	}

	pub(crate) fn fund() -> Result<FundConfigOf<T, I>, DispatchError> {
		Fund::<T, I>::get().ok_or_else(|| Error::<T, I>::FundNotConfigured.into())
	}

	// ---- configuration -------------------------------------------------------

	pub(crate) fn ensure_valid_config(config: &FundConfigOf<T, I>) -> DispatchResult {
		let assets_ok = config.share_asset != config.payment_asset
			&& T::Supply::is_permissioned(&config.share_asset)
			&& T::Assets::is_permissioned(&config.payment_asset)
			&& T::Holdings::decimals(&config.share_asset).is_some()
			&& T::Holdings::decimals(&config.payment_asset).is_some();
		ensure!(assets_ok, Error::<T, I>::InvalidConfig);
		let shared = T::OtherFunds::is_share_class(&config.share_asset)
			|| T::OtherFunds::is_payment_asset(&config.share_asset)
			|| T::OtherFunds::is_share_class(&config.payment_asset);
		ensure!(!shared, Error::<T, I>::ShareClassOfAnotherFund);
		ensure!(!T::DepositTokens::is_deposit_token(&config.share_asset), Error::<T, I>::ShareClassIsDepositToken);
		ensure!(!config.eligible.is_empty(), Error::<T, I>::InvalidConfig);
		ensure!(config.dealing_max_age_ms > 0, Error::<T, I>::InvalidConfig);
		ensure!(config.stale_freeze_ms >= config.dealing_max_age_ms, Error::<T, I>::InvalidConfig);
		ensure!(config.notice_days <= 30, Error::<T, I>::InvalidConfig);
		ensure!(config.daily_gate.is_none_or(|gate| !gate.is_zero()), Error::<T, I>::InvalidConfig);
		Ok(())
	}

	pub(crate) fn do_configure_fund(config: FundConfigOf<T, I>) -> DispatchResult {
		Self::ensure_valid_config(&config)?;
		Fund::<T, I>::put(&config);
		Self::deposit_event(Event::FundConfigured { config });
		Ok(())
	}

	// ---- suitability ------------------------------------------------------------

	fn current_kid(fund: &FundConfigOf<T, I>) -> Result<[u8; 32], DispatchError> {
		T::Holdings::document_hash(&fund.share_asset, KID_DOCUMENT).ok_or_else(|| Error::<T, I>::NoKidPublished.into())
	}

	pub(crate) fn do_acknowledge_kid(investor: T::AccountId, kid_hash: [u8; 32]) -> DispatchResult {
		let fund = Self::fund()?;
		T::Compliance::category(&investor).ok_or(Error::<T, I>::NotRegistered)?;
		ensure!(Self::current_kid(&fund)? == kid_hash, Error::<T, I>::NotCurrentKid);
		KidAcknowledgements::<T, I>::insert(&investor, kid_hash);
		Self::deposit_event(Event::KidAcknowledged { investor, kid_hash });
		Ok(())
	}

	/// The investor's category may invest, and it acknowledged the current
	/// KID where the fund requires it.
	fn ensure_suitable(fund: &FundConfigOf<T, I>, investor: &T::AccountId) -> DispatchResult {
		let category = T::Compliance::category(investor).ok_or(Error::<T, I>::NotRegistered)?;
		ensure!(fund.eligible.contains(category), Error::<T, I>::CategoryNotEligible);
		if fund.kid_required.contains(category) {
			let kid = Self::current_kid(fund)?;
			ensure!(KidAcknowledgements::<T, I>::get(investor) == Some(kid), Error::<T, I>::KidNotAcknowledged);
		}
		Ok(())
	}

	// ---- prices ---------------------------------------------------------------

	/// No accepted NAV for the freeze period (or never one).
	pub fn dealing_frozen(fund: &FundConfigOf<T, I>) -> bool {
		T::Nav::last_accepted(fund.nav_feed)
			.is_none_or(|(_, accepted_at)| Self::now_ms().saturating_sub(accepted_at) > fund.stale_freeze_ms)
	}

	fn ensure_dealing(fund: &FundConfigOf<T, I>) -> DispatchResult {
		ensure!(!Self::dealing_frozen(fund), Error::<T, I>::DealingFrozen);
		Ok(())
	}

	fn refusal(refusal: NavRefusal) -> Error<T, I> {
		match refusal {
			NavRefusal::UnknownFeed => Error::<T, I>::UnknownNavFeed,
			NavRefusal::NoValue => Error::<T, I>::NoNav,
			NavRefusal::Stale => Error::<T, I>::NavStale,
			NavRefusal::NotYetStruck => Error::<T, I>::NavNotYetStruck,
			NavRefusal::BeyondHistory => Error::<T, I>::NavBeyondHistory,
		}
	}

	/// The oracle's fresh NAV, no older than the fund's dealing age.
	fn fresh_nav(fund: &FundConfigOf<T, I>) -> Result<FixedU128, DispatchError> {
		let nav = T::Nav::current(fund.nav_feed).map_err(Self::refusal)?;
		let age = Self::now_ms().saturating_sub(nav.observed_at);
		ensure!(age <= fund.dealing_max_age_ms, Error::<T, I>::NavStale);
		Ok(nav.value)
	}

	/// What the fund deals at for `nav`: an LVNAV fund at 1.0000 while `nav`
	/// is within its collar, otherwise (and any other fund) at `nav`; with
	/// whether the collar is breached.
	pub fn dealing_price(fund: &FundConfigOf<T, I>, nav: FixedU128) -> (FixedU128, bool) {
		match fund.lvnav_collar {
			Some(collar) => {
				let one = FixedU128::one();
				let off = if nav > one { nav.saturating_sub(one) } else { one.saturating_sub(nav) };
				if off <= FixedU128::from(collar) {
					(one, false)
				} else {
					(nav, true)
				}
			},
			None => (nav, false),
		}
	}

	/// The dealing price now; reports a breached collar.
	fn price_now(fund: &FundConfigOf<T, I>) -> Result<FixedU128, DispatchError> {
		let (price, breached) = Self::dealing_price(fund, Self::fresh_nav(fund)?);
		Self::report_collar(price, breached);
		Ok(price)
	}

	/// Dealing outside the LVNAV collar is said out loud.
	fn report_collar(price: FixedU128, breached: bool) {
		if breached {
			Self::deposit_event(Event::CollarBreached { nav: price });
		}
	}

	fn decimals(fund: &FundConfigOf<T, I>) -> Result<(u128, u128), DispatchError> {
		let unit = |asset| T::Holdings::decimals(asset).and_then(pow10).ok_or(Error::<T, I>::InvalidConfig);
		Ok((unit(&fund.share_asset)?, unit(&fund.payment_asset)?))
	}

	/// Shares `amount` of the payment asset buys at `price`, rounded down.
	pub fn shares_for(fund: &FundConfigOf<T, I>, amount: T::Balance, price: FixedU128) -> Result<T::Balance, DispatchError> {
		let (share_unit, payment_unit) = Self::decimals(fund)?;
		let amount: u128 = amount.try_into().map_err(|_| Error::<T, I>::Overflow)?;
		let numerator = amount.checked_mul(share_unit).ok_or(Error::<T, I>::Overflow)?;
		let denominator = price.into_inner().checked_mul(payment_unit).ok_or(Error::<T, I>::Overflow)?;
		ensure!(denominator > 0, Error::<T, I>::NoNav);
		let shares = multiply_by_rational_with_rounding(numerator, FixedU128::accuracy(), denominator, Rounding::Down)
			.ok_or(Error::<T, I>::Overflow)?;
		T::Balance::try_from(shares).map_err(|_| Error::<T, I>::Overflow.into())
	}

	/// The payment `shares` fetch at `price`, rounded down.
	pub fn amount_for(fund: &FundConfigOf<T, I>, shares: T::Balance, price: FixedU128) -> Result<T::Balance, DispatchError> {
		let (share_unit, payment_unit) = Self::decimals(fund)?;
		let shares: u128 = shares.try_into().map_err(|_| Error::<T, I>::Overflow)?;
		let numerator = shares.checked_mul(payment_unit).ok_or(Error::<T, I>::Overflow)?;
		let denominator = share_unit.checked_mul(FixedU128::accuracy()).ok_or(Error::<T, I>::Overflow)?;
		let amount = multiply_by_rational_with_rounding(numerator, price.into_inner(), denominator, Rounding::Down)
			.ok_or(Error::<T, I>::Overflow)?;
		T::Balance::try_from(amount).map_err(|_| Error::<T, I>::Overflow.into())
	}

	// ---- subscriptions ------------------------------------------------------------

	/// Checks, then the two legs: the payment to the cash account (already
	/// there for a switch) and the issue of the shares. Returns the shares.
	pub(crate) fn do_subscribe(
		investor: T::AccountId,
		amount: T::Balance,
		switched_from: Option<FundId>,
	) -> Result<T::Balance, DispatchError> {
		let fund = Self::fund()?;
		let (shares, price, breached) = Self::subscription_terms(&fund, &investor, amount)?;
		Self::report_collar(price, breached);
		let cash = Self::cash_account();
		if switched_from.is_none() {
			// The vault moves only its cash, which is no fund's share class
			// (`ensure_valid_config`): no holding observer charges for it.
			T::Assets::transfer(&fund.payment_asset, &investor, &cash, amount)?;
		}
		T::Supply::issue(&fund.share_asset, &investor, shares, &cash)?;
		Self::deposit_event(Event::Subscribed { investor, amount, shares, price, switched_from });
		Ok(shares)
	}

	/// Every check of a subscription (dealing, suitability, the first
	/// investment's minimum, a fresh NAV) and its terms: the shares, the
	/// price and whether the LVNAV collar is breached.
	fn subscription_terms(
		fund: &FundConfigOf<T, I>,
		investor: &T::AccountId,
		amount: T::Balance,
	) -> Result<(T::Balance, FixedU128, bool), DispatchError> {
		Self::ensure_dealing(fund)?;
		Self::ensure_suitable(fund, investor)?;
		// The minimum is the first investment's: a shareholder adds any amount.
		let holder = !T::Holdings::balance(&fund.share_asset, investor).is_zero();
		ensure!(holder || amount >= fund.min_investment, Error::<T, I>::BelowMinimumInvestment);
		let (price, breached) = Self::dealing_price(fund, Self::fresh_nav(fund)?);
		let shares = Self::shares_for(fund, amount, price)?;
		ensure!(!shares.is_zero(), Error::<T, I>::AmountTooSmall);
		Ok((shares, price, breached))
	}

	// ---- redemption requests ----------------------------------------------------------

	pub(crate) fn do_request_redeem(investor: T::AccountId, shares: T::Balance) -> DispatchResult {
		let fund = Self::fund()?;
		ensure!(!shares.is_zero(), Error::<T, I>::ZeroShares);
		ensure!(shares <= T::Holdings::spendable(&fund.share_asset, &investor), Error::<T, I>::InsufficientShares);
		let open = OpenRequests::<T, I>::get(&investor);
		ensure!(open < T::MaxOpenRequests::get(), Error::<T, I>::TooManyOpenRequests);
		let today = Self::today();
		Self::close_due_days(today);
		let day = today.checked_add(fund.notice_days).ok_or(Error::<T, I>::Overflow)?;
		// One place stays free for a day's deferral (see `close_day`).
		let room = (OpenGateDays::<T, I>::get().len() as u32).saturating_add(1) < T::MaxGateDays::get();
		ensure!(room || GateDays::<T, I>::contains_key(day), Error::<T, I>::TooManyGateDays);
		Self::add_due(day, shares, 1)?;
		let locked = Locked::<T, I>::get(&investor).checked_add(&shares).ok_or(Error::<T, I>::Overflow)?;
		let request = NextRequestId::<T, I>::get();
		NextRequestId::<T, I>::put(request.saturating_add(1));
		let requested_at = Self::now_ms();
		Redemptions::<T, I>::insert(&investor, request, RedemptionRequest { shares, requested_at, day, deferred: false });
		OpenRequests::<T, I>::insert(&investor, open.saturating_add(1));
		Locked::<T, I>::insert(&investor, locked);
		Self::deposit_event(Event::RedemptionRequested { request, investor, shares, settles_at: Self::day_start(day) });
		Ok(())
	}

	/// The open request, or why there is none.
	fn request(investor: &T::AccountId, request: RequestId) -> Result<RedemptionRequest<T::Balance>, DispatchError> {
		Redemptions::<T, I>::get(investor, request).ok_or_else(|| {
			if request < NextRequestId::<T, I>::get() { Error::<T, I>::RequestClosed } else { Error::<T, I>::UnknownRequest }
				.into()
		})
	}

	pub(crate) fn do_cancel_redeem(investor: T::AccountId, id: RequestId) -> DispatchResult {
		let request = Self::request(&investor, id)?;
		ensure!(!request.deferred && Self::today() < request.day, Error::<T, I>::SettlementDateReached);
		let day_emptied = GateDays::<T, I>::mutate_exists(request.day, |due| {
			let gate_day = due.as_mut()?;
			gate_day.requested = gate_day.requested.saturating_sub(request.shares);
			gate_day.requests = gate_day.requests.saturating_sub(1);
			let emptied = gate_day.requests == 0;
			if emptied {
				*due = None;
			}
			Some(emptied)
		});
		if day_emptied == Some(true) {
			OpenGateDays::<T, I>::mutate(|days| days.retain(|d| *d != request.day));
		}
		Self::close_request(&investor, id, request.shares);
		Self::deposit_event(Event::RedemptionCancelled { request: id, investor, shares: request.shares });
		Ok(())
	}

	/// Removes the request and unlocks its `remaining` shares.
	fn close_request(investor: &T::AccountId, id: RequestId, remaining: T::Balance) {
		Redemptions::<T, I>::remove(investor, id);
		OpenRequests::<T, I>::mutate_exists(investor, |open| {
			*open = open.and_then(|n| n.checked_sub(1)).filter(|n| *n > 0);
		});
		Self::unlock(investor, remaining);
	}

	fn unlock(investor: &T::AccountId, shares: T::Balance) {
		Locked::<T, I>::mutate_exists(investor, |locked| {
			*locked = locked.map(|l| l.saturating_sub(shares)).filter(|l| !l.is_zero());
		});
	}

	// ---- the gate ------------------------------------------------------------------

	/// Counts `shares` of `requests` requests as due on `day`.
	fn add_due(day: Day, shares: T::Balance, requests: u32) -> DispatchResult {
		let mut gate_day = GateDays::<T, I>::get(day).unwrap_or_default();
		if gate_day.requests == 0 {
			OpenGateDays::<T, I>::try_mutate(|days| {
				let at = days.partition_point(|d| *d < day);
				days.try_insert(at, day).map_err(|_| Error::<T, I>::TooManyGateDays)
			})?;
		}
		gate_day.requested = gate_day.requested.checked_add(&shares).ok_or(Error::<T, I>::Overflow)?;
		gate_day.requests = gate_day.requests.saturating_add(requests);
		GateDays::<T, I>::insert(day, gate_day);
		Ok(())
	}

	/// Closes, in order, the due days up to `today` (at most `MaxClaimDays`
	/// per call); returns how many it closed.
	pub(crate) fn close_due_days(today: Day) -> u32 {
		let mut closed = 0;
		while closed < T::MaxClaimDays::get() {
			let Some(&day) = OpenGateDays::<T, I>::get().first() else { break };
			if day > today {
				break;
			}
			Self::close_day(day);
			closed += 1;
		}
		closed
	}

	/// Fixes the day's fraction: the gate's capacity (a share of the
	/// outstanding shares) over the day's total, rounded down; defers the
	/// rest to the next day with an upper bound of each request's rounding.
	/// The day leaves the open list first, so the next one always fits.
	fn close_day(day: Day) {
		OpenGateDays::<T, I>::mutate(|days| days.retain(|d| *d != day));
		let Some(mut gate_day) = GateDays::<T, I>::get(day) else { return };
		let fund = Fund::<T, I>::get();
		let outstanding = fund.as_ref().map(|f| T::Supply::total_issuance(&f.share_asset)).unwrap_or_default();
		let capacity = match fund.and_then(|f| f.daily_gate) {
			Some(gate) => gate.mul_floor(outstanding),
			None => gate_day.requested,
		};
		let released = if gate_day.requested <= capacity {
			Perquintill::one()
		} else {
			Perquintill::from_rational_with_rounding(to_u128(capacity), to_u128(gate_day.requested), Rounding::Down)
				.unwrap_or_else(|_| Perquintill::zero())
		};
		gate_day.released = Some(released);
		GateDays::<T, I>::insert(day, gate_day);
		Self::deposit_event(Event::GateDayClosed { day, requested: gate_day.requested, capacity, released });
		if released < Perquintill::one() {
			let paid_at_least = part(released, gate_day.requested);
			let margin = T::Balance::from(gate_day.requests);
			let deferred = gate_day.requested.saturating_sub(paid_at_least).saturating_add(margin);
			// Cannot fail: this day left the list above, the next takes its place.
			let _ = Self::add_due(day.saturating_add(1), deferred, gate_day.requests);
		}
	}

	// ---- claims ---------------------------------------------------------------------

	/// Pays the request's due days (each at the first NAV on or after it and
	/// the fraction the gate released), burns the shares and pays the cash;
	/// returns the days paid. A cash account short of the amount changes
	/// nothing and says so.
	pub(crate) fn do_claim_redeem(investor: T::AccountId, id: RequestId) -> Result<u32, DispatchError> {
		let mut request = Self::request(&investor, id)?;
		let fund = Self::fund()?;
		Self::ensure_dealing(&fund)?;
		let today = Self::today();
		ensure!(request.day <= today, Error::<T, I>::NotYetSettled);
		let closed = Self::close_due_days(today);
		let mut tranches: Vec<(Day, T::Balance, T::Balance, FixedU128)> = Vec::new();
		while request.day <= today && (tranches.len() as u32) < T::MaxClaimDays::get() {
			let Some(released) = GateDays::<T, I>::get(request.day).and_then(|d| d.released) else { break };
			let nav = match T::Nav::value_at(fund.nav_feed, Self::day_start(request.day)) {
				Ok(nav) => nav,
				Err(refusal) if tranches.is_empty() => return Err(Self::refusal(refusal).into()),
				Err(_) => break,
			};
			let (price, _) = Self::dealing_price(&fund, nav.value);
			let shares =
				if released == Perquintill::one() { request.shares } else { part(released, request.shares) };
			let amount = Self::amount_for(&fund, shares, price)?;
			tranches.push((request.day, shares, amount, price));
			request.shares = request.shares.saturating_sub(shares);
			if request.shares.is_zero() {
				break;
			}
			request.day = request.day.saturating_add(1);
			request.deferred = true;
		}
		if tranches.is_empty() {
			// Only while a long pause's days are still being closed (each call
			// closes some): keep the progress, claim again.
			ensure!(closed > 0, Error::<T, I>::GateBacklog);
			return Ok(0);
		}
		let days = tranches.len() as u32;
		let shares = tranches.iter().fold(T::Balance::zero(), |sum, t| sum.saturating_add(t.1));
		let amount = tranches.iter().try_fold(T::Balance::zero(), |sum, t| sum.checked_add(&t.2));
		let amount = amount.ok_or(Error::<T, I>::Overflow)?;
		let cash = Self::cash_account();
		let available = T::Holdings::spendable(&fund.payment_asset, &cash);
		if amount > available {
			Self::deposit_event(Event::CashShortfall { request: id, needed: amount, available });
			return Ok(days);
		}
		Self::unlock(&investor, shares);
		if !shares.is_zero() {
			T::Supply::destroy(&fund.share_asset, &investor, shares, &cash)?;
		}
		if !amount.is_zero() {
			T::Assets::settle(&fund.payment_asset, &cash, &investor, amount)?;
		}
		for (day, shares, amount, price) in tranches {
			let investor = investor.clone();
			Self::deposit_event(Event::RedemptionClaimed { request: id, investor, shares, amount, price, day });
		}
		if request.shares.is_zero() {
			Self::close_request(&investor, id, Zero::zero());
		} else {
			let (shares, day) = (request.shares, request.day);
			Redemptions::<T, I>::insert(&investor, id, request);
			Self::deposit_event(Event::RedemptionDeferred { request: id, investor, shares, day });
		}
		Ok(days)
	}

	// ---- switch ----------------------------------------------------------------------

	pub(crate) fn do_switch_to(investor: T::AccountId, target: FundId, shares: T::Balance) -> DispatchResult {
		let fund = Self::fund()?;
		ensure!(T::SwitchTarget::fund() == Some(target), Error::<T, I>::NotSwitchTarget);
		ensure!(T::SwitchTarget::payment_asset() == Some(fund.payment_asset), Error::<T, I>::PaymentAssetMismatch);
		let target_cash = T::SwitchTarget::cash_account().ok_or(Error::<T, I>::NotSwitchTarget)?;
		Self::ensure_dealing(&fund)?;
		ensure!(!shares.is_zero(), Error::<T, I>::ZeroShares);
		ensure!(shares <= T::Holdings::spendable(&fund.share_asset, &investor), Error::<T, I>::InsufficientShares);
		let price = Self::price_now(&fund)?;
		let amount = Self::amount_for(&fund, shares, price)?;
		ensure!(!amount.is_zero(), Error::<T, I>::AmountTooSmall);
		let cash = Self::cash_account();
		ensure!(amount <= T::Holdings::spendable(&fund.payment_asset, &cash), Error::<T, I>::InsufficientFundCash);
		T::Supply::destroy(&fund.share_asset, &investor, shares, &cash)?;
		T::Assets::settle(&fund.payment_asset, &cash, &target_cash, amount)?;
		Self::deposit_event(Event::SwitchedOut { investor: investor.clone(), shares, amount, price, to_fund: target });
		T::SwitchTarget::subscribe_switched(&investor, amount, T::FundId::get()).map(|_| ())
	}

	// ---- yield ---------------------------------------------------------------------

	pub(crate) fn do_distribute_yield(shares: T::Balance) -> DispatchResult {
		let fund = Self::fund()?;
		ensure!(fund.lvnav_collar.is_some(), Error::<T, I>::NotDistributing);
		ensure!(!shares.is_zero(), Error::<T, I>::ZeroShares);
		let today = Self::today();
		ensure!(LastDistribution::<T, I>::get() != Some(today), Error::<T, I>::AlreadyDistributedToday);
		let unclaimed = UnclaimedYield::<T, I>::get();
		let outstanding = T::Supply::total_issuance(&fund.share_asset).saturating_add(unclaimed);
		ensure!(!outstanding.is_zero(), Error::<T, I>::NothingToClaim);
		// Rounded down: holders together never get more than declared.
		let per_share =
			multiply_by_rational_with_rounding(to_u128(shares), FixedU128::accuracy(), to_u128(outstanding), Rounding::Down)
				.map(FixedU128::from_inner)
				.ok_or(Error::<T, I>::Overflow)?;
		let index = YieldIndex::<T, I>::get().checked_add(&per_share).ok_or(Error::<T, I>::Overflow)?;
		YieldIndex::<T, I>::put(index);
		UnclaimedYield::<T, I>::put(unclaimed.checked_add(&shares).ok_or(Error::<T, I>::Overflow)?);
		LastDistribution::<T, I>::put(today);
		Self::deposit_event(Event::YieldDistributed { day: today, shares, index });
		Ok(())
	}

	/// Settles `holder`'s accrual up to the current index (its holding has
	/// not changed since its checkpoint); returns what it accrued in all.
	pub(crate) fn checkpoint(fund: &FundConfigOf<T, I>, holder: &T::AccountId) -> T::Balance {
		let accrued = Self::accrued_yield(fund, holder);
		YieldCheckpoints::<T, I>::insert(holder, (YieldIndex::<T, I>::get(), accrued));
		accrued
	}

	/// Told by compliant-assets before a holding of any asset changes: a
	/// holding of this fund's shares, once yield has been distributed, is
	/// checkpointed first. Says whether it was.
	pub(crate) fn before_holding_change(asset: &T::AssetId, holder: &T::AccountId) -> bool {
		let distributing = Fund::<T, I>::get().filter(|f| f.lvnav_collar.is_some() && f.share_asset == *asset);
		match distributing {
			Some(fund) if !YieldIndex::<T, I>::get().is_zero() => {
				Self::checkpoint(&fund, holder);
				true
			},
			_ => false,
		}
	}

	pub(crate) fn do_claim_yield(holder: T::AccountId) -> DispatchResult {
		let fund = Self::fund()?;
		ensure!(fund.lvnav_collar.is_some(), Error::<T, I>::NotDistributing);
		let accrued = Self::checkpoint(&fund, &holder);
		ensure!(!accrued.is_zero(), Error::<T, I>::NothingToClaim);
		YieldCheckpoints::<T, I>::insert(&holder, (YieldIndex::<T, I>::get(), T::Balance::zero()));
		UnclaimedYield::<T, I>::mutate(|unclaimed| *unclaimed = unclaimed.saturating_sub(accrued));
		T::Supply::issue(&fund.share_asset, &holder, accrued, &Self::cash_account())?;
		Self::deposit_event(Event::YieldClaimed { holder, shares: accrued });
		Ok(())
	}

	// ---- the stale-NAV freeze ---------------------------------------------------------

	/// Emits `DealingFrozen` / `DealingResumed` when the freeze changed since
	/// the last block (the freeze itself is computed at every call).
	pub(crate) fn announce_dealing_state() {
		let Some(fund) = Fund::<T, I>::get() else { return };
		let frozen = Self::dealing_frozen(&fund);
		if frozen != DealingFrozenAnnounced::<T, I>::get() {
			DealingFrozenAnnounced::<T, I>::put(frozen);
			Self::deposit_event(if frozen { Event::DealingFrozen } else { Event::DealingResumed });
		}
	}

	// ---- views -----------------------------------------------------------------------

	/// A request's ERC-7540 state now.
	pub fn request_state(fund: &FundConfigOf<T, I>, request: &RedemptionRequest<T::Balance>) -> RequestState {
		let due = request.day <= Self::today();
		let struck = T::Nav::value_at(fund.nav_feed, Self::day_start(request.day)).is_ok();
		if due && struck {
			RequestState::Claimable
		} else {
			RequestState::Pending
		}
	}

	/// The fund's state for the runtime API.
	pub fn fund_view() -> Option<FundView<T::AccountId, T::AssetId, T::Balance>> {
		let config = Fund::<T, I>::get()?;
		let last = T::Nav::last_accepted(config.nav_feed);
		let now = Self::now_ms();
		let fresh = Self::fresh_nav(&config).ok();
		let dealing = fresh.map(|nav| Self::dealing_price(&config, nav));
		let cash_account = Self::cash_account();
		Some(FundView {
			nav: last.map(|(point, _)| point.value),
			nav_age_ms: last.map(|(point, _)| now.saturating_sub(point.observed_at)),
			dealing_price: dealing.map(|(price, _)| price),
			collar_breached: dealing.is_some_and(|(_, breached)| breached),
			shares_outstanding: T::Supply::total_issuance(&config.share_asset),
			cash: T::Holdings::balance(&config.payment_asset, &cash_account),
			cash_account,
			dealing_frozen: Self::dealing_frozen(&config),
			unclaimed_yield: UnclaimedYield::<T, I>::get(),
			config,
		})
	}

	/// An investor's position for the runtime API.
	pub fn position(investor: &T::AccountId) -> PositionView<T::Balance> {
		let Some(fund) = Fund::<T, I>::get() else {
			return PositionView {
				shares: Zero::zero(),
				locked: Zero::zero(),
				value: None,
				claimable_yield: Zero::zero(),
				kid_acknowledged: None,
				requests: Vec::new(),
			};
		};
		let shares = T::Holdings::balance(&fund.share_asset, investor);
		let value = Self::fresh_nav(&fund)
			.ok()
			.and_then(|nav| Self::amount_for(&fund, shares, Self::dealing_price(&fund, nav).0).ok());
		let requests = Redemptions::<T, I>::iter_prefix(investor)
			.map(|(id, request)| RequestView {
				id,
				shares: request.shares,
				requested_at: request.requested_at,
				settles_at: Self::day_start(request.day),
				state: Self::request_state(&fund, &request),
			})
			.collect();
		PositionView {
			shares,
			locked: Locked::<T, I>::get(investor),
			value,
			claimable_yield: Self::accrued_yield(&fund, investor),
			kid_acknowledged: KidAcknowledgements::<T, I>::get(investor),
			requests,
		}
	}

	/// What [`Self::checkpoint`] would settle, without writing: the accrual
	/// since the holder's checkpoint, rounded down (a holder never gets a
	/// fraction of a share more).
	fn accrued_yield(fund: &FundConfigOf<T, I>, holder: &T::AccountId) -> T::Balance {
		let index = YieldIndex::<T, I>::get();
		let (since, accrued) = YieldCheckpoints::<T, I>::get(holder).unwrap_or_default();
		let held = to_u128(T::Holdings::balance(&fund.share_asset, holder));
		let gained =
			multiply_by_rational_with_rounding(held, index.saturating_sub(since).into_inner(), FixedU128::accuracy(), Rounding::Down)
				.map_or(T::Balance::zero(), from_u128::<T::Balance>);
		accrued.saturating_add(gained)
	}

	/// The shares `amount` would buy now for `investor`, or the error the
	/// subscription would fail with (suitability, minimum, NAV, freeze).
	pub fn preview_subscribe(investor: &T::AccountId, amount: T::Balance) -> Result<T::Balance, DispatchError> {
		Self::subscription_terms(&Self::fund()?, investor, amount).map(|(shares, _, _)| shares)
	}

	/// What `shares` would fetch at today's dealing price (indicative: a
	/// redemption is priced at the first NAV on or after its settlement
	/// date), with that date.
	pub fn preview_redeem(shares: T::Balance) -> Result<(T::Balance, u64), DispatchError> {
		let fund = Self::fund()?;
		let price = Self::dealing_price(&fund, Self::fresh_nav(&fund)?).0;
		let day = Self::today().saturating_add(fund.notice_days);
		Ok((Self::amount_for(&fund, shares, price)?, Self::day_start(day)))
	}

	// ---- invariants ---------------------------------------------------------------------

	/// Locked shares are the open requests' shares, within each balance;
	/// open counts match; open days are sorted, unclosed and on the books.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::BTreeMap;
		let mut locked: BTreeMap<T::AccountId, (T::Balance, u32)> = BTreeMap::new();
		for (investor, _, request) in Redemptions::<T, I>::iter() {
			let entry = locked.entry(investor).or_default();
			entry.0 = entry.0.saturating_add(request.shares);
			entry.1 = entry.1.saturating_add(1);
		}
		let share_asset = Fund::<T, I>::get().map(|f| f.share_asset);
		for (investor, (shares, count)) in &locked {
			ensure!(Locked::<T, I>::get(investor) == *shares, "locked shares differ from the open requests'");
			ensure!(OpenRequests::<T, I>::get(investor) == *count, "open request count differs");
			if let Some(asset) = &share_asset {
				ensure!(*shares <= T::Holdings::balance(asset, investor), "more locked than held");
			}
		}
		ensure!(Locked::<T, I>::iter().count() == locked.len(), "locked shares without a request");
		let days = OpenGateDays::<T, I>::get();
		ensure!(days.windows(2).all(|w| w[0] < w[1]), "open days not sorted");
		for day in days.iter() {
			let gate_day = GateDays::<T, I>::get(day).ok_or("open day without a book")?;
			ensure!(gate_day.released.is_none(), "open day already closed");
		}
		Ok(())
	}
}
