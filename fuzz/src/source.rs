//! The fuzzer's input, read as a stream of choices.

/// Reads the fuzzer's bytes as choices. Past the end every read gives zeros, so any input is a
/// complete program; [`Source::is_empty`] tells the driver to stop.
pub struct Source<'a> {
	data: &'a [u8],
	pos: usize,
}

impl<'a> Source<'a> {
	/// A source reading `data` from its start.
	pub fn new(data: &'a [u8]) -> Self {
		Self { data, pos: 0 }
	}

	/// Whether every byte has been read.
	pub fn is_empty(&self) -> bool {
		self.pos >= self.data.len()
	}

	/// The next byte, or zero past the end.
	pub fn byte(&mut self) -> u8 {
		let b = self.data.get(self.pos).copied().unwrap_or(0);
		self.pos = self.pos.saturating_add(1);
		b
	}

	/// One of `n` choices (`n` > 0), from one byte.
	pub fn choose(&mut self, n: usize) -> usize {
		usize::from(self.byte()) % n.max(1)
	}

	/// `N` bytes, little-endian, as a number.
	pub fn raw<const N: usize>(&mut self) -> u128 {
		let mut v: u128 = 0;
		for i in 0..N {
			v |= u128::from(self.byte()) << (8 * i);
		}
		v
	}
}
