package org.percepnet4j.trainer.data;

/** Speaker-disjoint partitions of the corpus (noise and impulse responses split by source file). */
public enum Split {
    TRAIN, VALIDATION, TEST;

    /** Name of the committed list under {@code splits/} on the class path. */
    public String resourceName() {
        return "splits/" + name().toLowerCase(java.util.Locale.ROOT) + ".txt";
    }
}
