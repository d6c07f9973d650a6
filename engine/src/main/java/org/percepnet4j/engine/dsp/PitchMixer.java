package org.percepnet4j.engine.dsp;

/**
 * Pitch mixing of spec §9.1: Z(k) = (1 − r(k))·Y(k) + r(k)·P(k), then each band renormalised to the
 * energy of Y, so the strengths change periodicity only and the gains alone set band energy.
 */
public final class PitchMixer {
    /** Keeps the renormalisation finite on silent bands; with r = 0 it is an exact identity. */
    static final float RENORM_EPSILON = 1e-20f;

    private final float[] energyY = new float[ErbBands.BANDS];
    private final float[] energyZ = new float[ErbBands.BANDS];
    private final float[] bandFactor = new float[ErbBands.BANDS];
    private final float[] binFactor = new float[Stft.BINS];

    /**
     * @param strengthBins r(k) for every bin (already interpolated from the bands)
     * @param z            receives the renormalised mix (may not alias y or p)
     */
    public void mix(Spectrum y, Spectrum p, float[] strengthBins, Spectrum z) {
        ErbBands.energies(y, energyY);
        mix(y, p, energyY, strengthBins, z);
    }

    /** As {@link #mix(Spectrum, Spectrum, float[], Spectrum)} when E_Y,b of y is already known. */
    public void mix(Spectrum y, Spectrum p, float[] knownEnergyY, float[] strengthBins, Spectrum z) {
        if (allZero(strengthBins)) {
            z.copyFrom(y);
            return;
        }
        for (int k = 0; k < Stft.BINS; k++) {
            float r = strengthBins[k];
            float keep = 1f - r;
            z.re[k] = keep * y.re[k] + r * p.re[k];
            z.im[k] = keep * y.im[k] + r * p.im[k];
        }
        ErbBands.energies(z, energyZ);
        for (int b = 0; b < ErbBands.BANDS; b++) {
            bandFactor[b] = (float) Math.sqrt((knownEnergyY[b] + RENORM_EPSILON) / (energyZ[b] + RENORM_EPSILON));
        }
        ErbBands.toBins(bandFactor, binFactor);
        for (int k = 0; k < Stft.BINS; k++) {
            z.re[k] *= binFactor[k];
            z.im[k] *= binFactor[k];
        }
    }

    private static boolean allZero(float[] values) {
        for (float v : values) {
            if (v != 0f) {
                return false;
            }
        }
        return true;
    }
}
