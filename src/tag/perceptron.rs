//! Training an averaged perceptron over hashed features (Collins 2002; the averaging is done lazily with
//! a time stamp per weight). Used by `src/bin/train.rs`; the result is written with
//! [`super::Model::to_bytes`].

/// Weights being learned: `2^bits` buckets by `n_tags`, with their running sums for the average.
pub struct Trainer {
    n_tags: usize,
    mask: usize,
    weights: Vec<f32>,
    totals: Vec<f64>,
    stamps: Vec<u32>,
    step: u32,
}

impl Trainer {
    pub fn new(n_tags: usize, bits: u32) -> Self {
        let len = (1usize << bits) * n_tags;
        Self {
            n_tags,
            mask: (1 << bits) - 1,
            weights: vec![0.0; len],
            totals: vec![0.0; len],
            stamps: vec![0; len],
            step: 0,
        }
    }

    /// The scores of every tag for the features (current, not averaged, weights).
    pub fn scores(&self, feats: &[u64], out: &mut [f32]) {
        let n = self.n_tags;
        out[..n].fill(0.0);
        for &h in feats {
            let at = (h as usize & self.mask) * n;
            for (s, w) in out[..n].iter_mut().zip(&self.weights[at..at + n]) {
                *s += w;
            }
        }
    }

    /// The best tag for the features (ties to the lower tag).
    pub fn predict(&self, feats: &[u64]) -> usize {
        let mut s = [0f32; 64];
        self.scores(feats, &mut s);
        let mut best = 0;
        for t in 1..self.n_tags {
            if s[t] > s[best] {
                best = t;
            }
        }
        best
    }

    /// One example seen: moves the clock (call once per token, whether or not it updates).
    pub fn tick(&mut self) {
        self.step += 1;
    }

    /// The perceptron update: towards `truth`, away from `guess`.
    pub fn update(&mut self, feats: &[u64], truth: usize, guess: usize) {
        if truth == guess {
            return;
        }
        for &h in feats {
            let at = (h as usize & self.mask) * self.n_tags;
            for (t, delta) in [(truth, 1.0f32), (guess, -1.0)] {
                let k = at + t;
                self.totals[k] += f64::from(self.step - self.stamps[k]) * f64::from(self.weights[k]);
                self.stamps[k] = self.step;
                self.weights[k] += delta;
            }
        }
    }

    /// The averaged weights.
    pub fn averaged(&self) -> Vec<f32> {
        let steps = f64::from(self.step.max(1));
        self.weights
            .iter()
            .zip(&self.totals)
            .zip(&self.stamps)
            .map(|((&w, &total), &stamp)| ((total + f64::from(self.step - stamp) * f64::from(w)) / steps) as f32)
            .collect()
    }
}
