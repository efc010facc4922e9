//! Types of the validator set.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// Why a lapsed validator stays in the set for now.
#[derive(Clone, Copy, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq, Debug)]
pub enum RetentionReason {
	/// Its departure would leave fewer validators, or fewer validators with
	/// session keys, than `MinimumValidators`.
	Minimum,
	/// Its departure would leave one legal entity above `MaxSeatShare`.
	SeatShare,
}
