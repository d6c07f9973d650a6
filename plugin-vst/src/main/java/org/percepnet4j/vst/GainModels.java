package org.percepnet4j.vst;

import java.lang.reflect.InvocationTargetException;

import org.percepnet4j.engine.GainModel;
import org.percepnet4j.models.Models;

/**
 * Which {@link GainModel} a plugin instance runs: the shipped default model, or — in the project's own test
 * bundles only — a deterministic test model named by the bundle config key {@code testGainModel}.
 */
final class GainModels {

    private GainModels() {
    }

    static GainModel resolve(String testGainModel) {
        if (testGainModel == null || testGainModel.isBlank()) {
            return DefaultModel.INSTANCE;
        }
        try {
            Class<?> type = Class.forName(testGainModel.strip(), true, GainModels.class.getClassLoader());
            if (!GainModel.class.isAssignableFrom(type)) {
                throw new IllegalArgumentException("testGainModel " + testGainModel + " is not a GainModel");
            }
            return (GainModel) type.getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException | IllegalAccessException
                | InvocationTargetException e) {
            throw new IllegalArgumentException("cannot create testGainModel " + testGainModel + ": " + e, e);
        }
    }

    /** Loaded once per class loader on first use; immutable and shared by every instance (GainModel contract). */
    private static final class DefaultModel {
        static final GainModel INSTANCE = Models.loadDefault();
    }
}
