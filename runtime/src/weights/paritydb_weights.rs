
//! THIS FILE WAS AUTO-GENERATED USING THE SUBSTRATE BENCHMARK CLI VERSION 64.0.0
//! DATE: 2026-12-02 (Y/M/D)
//! HOSTNAME: `vm`, CPU: `Intel(R) Xeon(R) Processor`
//!
//! DATABASE: `ParityDb`, RUNTIME: `Tokenize Local Consortium (test: short governance delay)`
//! BLOCK-NUM: `Number(113)`
//! SKIP-WRITE: `false`, SKIP-READ: `false`, WARMUPS: `1`
//! STATE-VERSION: `V1`, STATE-CACHE-SIZE: ``
//! WEIGHT-PATH: `runtime/src/weights/`
//! METRIC: `Average`, WEIGHT-MUL: `1`, WEIGHT-ADD: `0`

// Executed Command:
//   /root/.cache/tokenize-chain/bench-node
//   benchmark
//   storage
//   --chain
//   /tmp/benchF/consortium-raw.json
//   --base-path
//   /tmp/benchF/alice
//   --database
//   paritydb
//   --state-version
//   1
//   --enable-trie-cache
//   --trie-cache-size
//   1073741824
//   --batch-size
//   100
//   --weight-path
//   runtime/src/weights/

/// Storage DB weights for the `Tokenize Local Consortium (test: short governance delay)` runtime and `ParityDb`.
pub mod constants {
	use frame_support::weights::constants;
	use sp_core::parameter_types;
	use sp_weights::RuntimeDbWeight;

	parameter_types! {
		/// `ParityDB` can be enabled with a feature flag, but is still experimental. These weights
		/// are available for brave runtime engineers who may want to try this out as default.
		pub const ParityDbWeight: RuntimeDbWeight = RuntimeDbWeight {
			/// Time to read one storage item.
			/// Calculated by multiplying the *Average* of all values with `1` and adding `0`.
			///
			/// Stats nanoseconds:
			///   Min, Max: 827, 861_986
			///   Average:  4_901
			///   Median:   3_977
			///   Std-Dev:  15006.72
			///
			/// Percentiles nanoseconds:
			///   99th: 13_961
			///   95th: 8_332
			///   75th: 5_011
			read: 4_901 * constants::WEIGHT_REF_TIME_PER_NANOS,

			/// Time to write one storage item.
			/// Calculated by multiplying the *Average* of all values with `1` and adding `0`.
			///
			/// Stats nanoseconds:
			///   Min, Max: 16_312, 42_605
			///   Average:  25_426
			///   Median:   19_515
			///   Std-Dev:  9124.08
			///
			/// Percentiles nanoseconds:
			///   99th: 42_605
			///   95th: 42_437
			///   75th: 36_755
			write: 25_426 * constants::WEIGHT_REF_TIME_PER_NANOS,
		};
	}

	#[cfg(test)]
	mod test_db_weights {
		use super::constants::ParityDbWeight as W;
		use sp_weights::constants;

		/// Checks that all weights exist and have sane values.
		// NOTE: If this test fails but you are sure that the generated values are fine,
		// you can delete it.
		#[test]
		fn bound() {
			// At least 1 µs.
			assert!(
				W::get().reads(1).ref_time() >= constants::WEIGHT_REF_TIME_PER_MICROS,
				"Read weight should be at least 1 µs."
			);
			assert!(
				W::get().writes(1).ref_time() >= constants::WEIGHT_REF_TIME_PER_MICROS,
				"Write weight should be at least 1 µs."
			);
			// At most 1 ms.
			assert!(
				W::get().reads(1).ref_time() <= constants::WEIGHT_REF_TIME_PER_MILLIS,
				"Read weight should be at most 1 ms."
			);
			assert!(
				W::get().writes(1).ref_time() <= constants::WEIGHT_REF_TIME_PER_MILLIS,
				"Write weight should be at most 1 ms."
			);
		}
	}
}
