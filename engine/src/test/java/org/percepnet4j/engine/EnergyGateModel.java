package org.percepnet4j.engine;

/**
 * Test-only model whose gains depend on the features: each band's gain rises with that band's log energy
 * (feature b), so what a channel hears changes what it gets. Used where a fixed-gain model cannot tell linked
 * from independent analysis.
 */
record EnergyGateModel() implements GainModel {

    @Override
    public String name() {
        return "energy-gate";
    }

    @Override
    public GainPredictor newPredictor() {
        return new GainPredictor() {
            @Override
            public void predict(float[] features, float[] gains, float[] strengths) {
                for (int b = 0; b < BANDS; b++) {
                    gains[b] = Math.max(0f, Math.min(1f, 0.4f + 0.4f * features[b]));
                    strengths[b] = 0f;
                }
            }

            @Override
            public void reset() {
            }
        };
    }
}
