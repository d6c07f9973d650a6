/*
 * Where the plugin lives and what its same-name config file says. A bundle is a folder holding
 * <name>.so, <name>.conf and the jars; copies of the .so with their own .conf are independent plugins
 * (the mono and stereo variants are two such copies).
 */
#ifndef PERCEPNET4J_BUNDLE_CONFIG_H
#define PERCEPNET4J_BUNDLE_CONFIG_H

#include <limits.h>
#include <stdint.h>

#define BUNDLE_MAX_JVM_OPTIONS 32
#define BUNDLE_VALUE_MAX 1024

typedef struct {
    char so_path[PATH_MAX];     /* absolute path of this .so */
    char dir[PATH_MAX];         /* its folder: {bundle} in config values */
    char stem[256];             /* file name without ".so" */
    char config_path[PATH_MAX];
    int config_found;

    /* keys of <stem>.conf (key=value lines, '#' comments); {bundle} expands to dir */
    char jvm[BUNDLE_VALUE_MAX];            /* jvm: explicit libjvm.so; when set, no other JVM is tried */
    char class_path[4 * BUNDLE_VALUE_MAX]; /* classPath: ':'-separated; "DIR/ *" entries mean every jar in DIR */
    int jvm_defaults;                      /* jvmDefaults: false drops the built-in JVM options */
    int jvm_option_count;
    char jvm_options[BUNDLE_MAX_JVM_OPTIONS][BUNDLE_VALUE_MAX]; /* jvmOption: one option per line, repeatable */
    int channels;                          /* channels: 1 or 2 */
    int editor;                            /* editor: false = never an editor (and a headless JVM); default true */
    int32_t unique_id;                     /* uniqueId: four characters */
    char effect_name[32];                  /* effectName */
    char log[BUNDLE_VALUE_MAX];            /* log: "off", a file path, or empty for the default place */
    char test_gain_model[BUNDLE_VALUE_MAX]; /* testGainModel: test-only GainModel class; never in shipped bundles */
    char bad_lines[512];                   /* problems found while reading, for the log */
} BundleConfig;

/* Locates the .so containing `symbol` and reads its config (defaults when absent). 0 on success. */
int bundle_config_load(const void *symbol, BundleConfig *cfg, char *why, unsigned why_size);

#endif
