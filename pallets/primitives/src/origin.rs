//! Origins derived from on-chain roles.

use crate::{Compliance, Role};
use core::marker::PhantomData;
use frame_support::{
	dispatch::RawOrigin,
	traits::{EnsureOrigin, Get},
};

/// Accepts a signed origin whose account holds `R` in a verified identity and
/// yields that account. Rotating the role's holder is an on-chain change.
pub struct EnsureRole<AccountId, C, R>(PhantomData<(AccountId, C, R)>);

impl<O, AccountId, C, R> EnsureOrigin<O> for EnsureRole<AccountId, C, R>
where
	O: Into<Result<RawOrigin<AccountId>, O>>
		+ From<RawOrigin<AccountId>>,
	C: Compliance<AccountId>,
	R: Get<Role>,
	AccountId: Clone,
{
	type Success = AccountId;

	fn try_origin(o: O) -> Result<Self::Success, O> {
		match o.into() {
			Ok(RawOrigin::Signed(who)) if C::has_role(&who, R::get()) => Ok(who),
			Ok(other) => Err(O::from(other)),
			Err(o) => Err(o),
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<O, ()> {
		Err(())
	}
}
