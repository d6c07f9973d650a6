/*
 * The JVM inside the host process: found, created once (or reused when one already runs), never
 * destroyed; the bridge class loaded from the bundle's jars; each host thread attached once.
 */
#ifndef PERCEPNET4J_JAVA_RUNTIME_H
#define PERCEPNET4J_JAVA_RUNTIME_H

#include <jni.h>
#include <stddef.h>

#include "bundle_config.h"

/* Method IDs of org.percepnet4j.vst.PluginBridge, resolved once. */
typedef struct {
    jclass bridge_class; /* global reference */
    jmethodID create;          /* static PluginBridge create(int channels, String testGainModel, ByteBuffer message) */
    jmethodID parameter_count; /* static int parameterCount() */
    jmethodID program_count;   /* static int programCount() */
    jmethodID prepare;         /* int prepare(double rate, int maxBlock, ByteBuffer in, ByteBuffer out) */
    jmethodID process;         /* int process(int frames) -> latency */
    jmethodID reset;           /* int reset() -> latency */
    jmethodID latency;         /* int latencySamples() */
    jmethodID set_normalized;  /* void setNormalized(int index, float value) */
    jmethodID get_normalized;  /* float getNormalized(int index) */
    jmethodID text;            /* int text(int kind, int index, int maxBytes) -> bytes in message buffer */
    jmethodID parse_parameter; /* boolean parseParameter(int index, int length) */
    jmethodID save_state;      /* int saveState() -> bytes in message buffer or -1 */
    jmethodID load_state;      /* boolean loadState(int length) */
    jmethodID set_program;     /* void setProgram(int index) */
    jmethodID program;         /* int program() */
    jmethodID set_program_name; /* void setProgramName(int length) */
    jmethodID parameter_flags; /* int parameterFlags(int index) */
    jmethodID parameter_step;  /* float parameterStep(int index) */
    jmethodID set_bypass;      /* void setBypass(boolean on) */
    jmethodID close;           /* void close() */
    jmethodID warm_up;         /* void warmUp(int hops) */
    jmethodID enable_editor;   /* boolean enableEditor(long instance) -> has an editor */
    jmethodID editor_size;     /* int editorSize() -> width << 16 | height, or -1 */
    jmethodID open_editor;     /* boolean openEditor(long parentWindow) */
    jmethodID close_editor;    /* void closeEditor() */
} BridgeMethods;

/* PluginBridge.hostGesture(long instance, int kind, int index, float normalized), implemented in plugin.c and
 * registered on the bridge class: the editor's begin/changed/end gestures, from the Swing event thread. */
void JNICALL plugin_host_gesture(JNIEnv *env, jclass bridge_class, jlong instance, jint kind, jint index,
                                 jfloat normalized);

/* Starts (or joins) the JVM and resolves the bridge; idempotent. 0 on success, else why says what failed. */
int java_runtime_start(const BundleConfig *cfg, char *why, size_t why_size);

/* This thread's JNIEnv, attaching it as a daemon the first time (detached again when the thread exits).
 * NULL if the runtime is not started or the attach failed. Cheap after the first call on a thread. */
JNIEnv *java_env(void);

const BridgeMethods *java_bridge(void);

/* Text of the pending exception (and its cause) for the log; clears it. */
void java_take_exception(JNIEnv *env, char *out, size_t size);

/* Which libjvm.so was used (for the log). */
const char *java_runtime_description(void);

#endif
