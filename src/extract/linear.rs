//! What the extractor's two small linear models share (the speaker [`super::ranker`] and the
//! [`super::cue_sense`] model): a weight per hashed feature key, trained by deterministic full-batch
//! gradient descent with AdaGrad steps, and stored as key-weight pairs sorted by key.

use rustc_hash::FxHashMap;

/// A model's weights: one per feature key; a key it never saw weighs nothing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Weights(FxHashMap<u32, f32>);

impl Weights {
    /// The summed weights of the features.
    pub fn score(&self, feats: &[u32]) -> f32 {
        feats.iter().map(|k| self.0.get(k).copied().unwrap_or(0.0)).sum()
    }

    /// Appends the weights to a model file: their number, then each key and weight (little endian), by
    /// key; zero weights are left out.
    pub fn write(&self, out: &mut Vec<u8>) {
        let mut keys: Vec<(&u32, &f32)> = self.0.iter().filter(|(_, w)| **w != 0.0).collect();
        keys.sort_by_key(|(k, _)| **k);
        out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
        for (k, w) in keys {
            out.extend_from_slice(&k.to_le_bytes());
            out.extend_from_slice(&w.to_le_bytes());
        }
    }

    /// Reads what [`Weights::write`] wrote, which must fill `bytes` exactly; `None` when it does not.
    /// Weights that are not finite are left out.
    pub fn read(bytes: &[u8]) -> Option<Self> {
        let n = u32::from_le_bytes(bytes.get(..4)?.try_into().ok()?) as usize;
        let body = bytes.get(4..)?;
        if body.len() != n * 8 {
            return None;
        }
        let weights = body
            .chunks_exact(8)
            .map(|c| {
                let k = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
                let w = f32::from_le_bytes([c[4], c[5], c[6], c[7]]);
                (k, w)
            })
            .filter(|(_, w)| w.is_finite())
            .collect();
        Some(Self(weights))
    }
}

/// Training state: the feature keys seen in the examples, each with a dense slot, the weights and the
/// AdaGrad sums of squared gradients.
pub struct Trainer {
    keys: Vec<u32>,
    index: FxHashMap<u32, usize>,
    w: Vec<f32>,
    g2: Vec<f32>,
}

/// The AdaGrad step size.
const RATE: f32 = 0.5;

impl Trainer {
    /// A trainer over every key of `keys` (in any order, repeated or not), all weights zero.
    pub fn new(keys: impl Iterator<Item = u32>) -> Self {
        let mut keys: Vec<u32> = keys.collect();
        keys.sort_unstable();
        keys.dedup();
        let index: FxHashMap<u32, usize> = keys.iter().enumerate().map(|(i, &k)| (k, i)).collect();
        let n = keys.len();
        Self { keys, index, w: vec![0.0; n], g2: vec![1e-8; n] }
    }

    /// The dense slots of feature keys (every key must have been given to [`Trainer::new`]).
    pub fn slots(&self, feats: &[u32]) -> Vec<usize> {
        feats.iter().map(|k| self.index[k]).collect()
    }

    /// The summed weights of dense slots.
    pub fn score(&self, slots: &[usize]) -> f32 {
        slots.iter().map(|&i| self.w[i]).sum()
    }

    /// One full-batch step: `add_loss` adds the gradient of the data's loss to the one it is given (which
    /// starts as the L2 penalty's), then every weight moves by its AdaGrad step.
    pub fn step(&mut self, l2: f32, add_loss: impl FnOnce(&Self, &mut [f32])) {
        let mut grad: Vec<f32> = self.w.iter().map(|x| l2 * x).collect();
        add_loss(self, &mut grad);
        for ((w, g2), g) in self.w.iter_mut().zip(self.g2.iter_mut()).zip(&grad) {
            *g2 += g * g;
            *w -= RATE * g / g2.sqrt();
        }
    }

    /// The trained weights.
    pub fn weights(self) -> Weights {
        Weights(self.keys.into_iter().zip(self.w).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_read_back_as_written_and_a_short_file_is_none() {
        let mut t = Trainer::new([3, 1, 3].into_iter());
        t.step(0.0, |_, grad| {
            grad[0] = -1.0;
            grad[1] = 1.0;
        });
        let w = t.weights();
        assert!(w.score(&[1]) > 0.0 && w.score(&[3]) < 0.0 && w.score(&[2]) == 0.0);
        let mut bytes = Vec::new();
        w.write(&mut bytes);
        assert_eq!(Weights::read(&bytes), Some(w));
        assert!(Weights::read(&bytes[..bytes.len() - 1]).is_none());
    }
}
