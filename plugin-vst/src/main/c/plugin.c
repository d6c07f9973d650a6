/*
 * percepnet4j VST 2.4 shim: the host-facing half of the plugin. It answers the VST2 ABI, owns the audio
 * buffers and forwards everything to one Java PluginBridge per instance (one JNI call per audio block).
 *
 * Threads: the entry point, open/close, rate/block size, strings, chunks and programs come from the
 * host's main thread; processReplacing from its engine thread(s); setParameter/getParameter from any
 * thread; effMainsChanged from the main or the audio thread. The audio path never blocks: it try-locks
 * `audio_guard` and outputs silence for a block in the rare case a reconfiguration holds it.
 */
#define _GNU_SOURCE
#include <jni.h>
#include <math.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bundle_config.h"
#include "java_runtime.h"
#include "shim_log.h"
#include "vst2_abi.h"

#define EXPORT __attribute__((visibility("default")))

enum {
    MESSAGE_CAPACITY = 64 * 1024, /* text and state exchanged with Java; also the largest chunk accepted */
    MAX_BLOCK_LIMIT = 65536,
    DEFAULT_BLOCK = 1024,
    WARM_UP_HOPS = 300, /* 3 s of audio through a scratch Processor at the first resume */
    PLUGIN_VERSION = 1, /* = presets PluginIds.VERSION (also the fxVersion of preset files) */
    AUDIO_THREAD_SLOTS = 8, /* process threads remembered per instance (see is_audio_thread) */
};
#define DEFAULT_RATE 48000.0
#define VENDOR_NAME "percepnet4j" /* = presets PluginIds.VENDOR */
#define PRODUCT_NAME "PercepNet Denoiser" /* = presets PluginIds.PRODUCT */

/* Text kinds understood by PluginBridge.text (keep in step with PluginBridge.TEXT_*). */
enum {
    TEXT_PARAM_NAME = 0,
    TEXT_PARAM_LABEL = 1,
    TEXT_PARAM_DISPLAY = 2,
    TEXT_PARAM_LONG_NAME = 3,
    TEXT_PROGRAM_NAME = 4,
    TEXT_PROGRAM_NAME_INDEXED = 5,
    TEXT_EDITOR_NOTE = 6,
};

/* PluginBridge.hostGesture kinds (keep in step with PluginBridge.GESTURE_*). */
enum { GESTURE_BEGIN = 0, GESTURE_CHANGED = 1, GESTURE_END = 2 };

/* PluginBridge.parameterFlags bits */
enum { PARAM_FLAG_SWITCH = 1, PARAM_FLAG_DISCRETE = 2 };

typedef struct {
    Vst2Effect effect; /* first member: the host's AEffect* and our instance share an address */
    Vst2HostCallback host;
    jobject bridge; /* global reference to this instance's org.percepnet4j.vst.PluginBridge */
    int channels;
    int max_block;
    double sample_rate;
    float *audio_in;  /* planar [channels][max_block], Java reads it as a direct buffer */
    float *audio_out; /* planar [channels][max_block], Java writes it */
    unsigned char *message; /* MESSAGE_CAPACITY bytes shared with Java for text and state */
    pthread_mutex_t message_lock; /* guards `message` and `chunk` (never taken on the audio thread) */
    unsigned char *chunk;         /* last effGetChunk answer, valid until the next call */
    atomic_int audio_guard;       /* 1 while process or a reconfiguration owns the audio buffers */
    atomic_int reset_pending;     /* a resume that arrived while the guard was held */
    atomic_uintptr_t audio_threads[AUDIO_THREAD_SLOTS]; /* threads that have called process (0 = free slot) */
    atomic_long java_failures;    /* blocks whose Java call threw (logged at close, never on the audio thread) */
    atomic_int reported_latency;  /* the initialDelay the host was last told about via IOChanged */
    Vst2Rect editor_rect;         /* effEditGetRect's answer (host GUI thread only) */
    int editor_failures;          /* editor opcodes that failed in Java (logged the first few times) */
} PluginInstance;

static pthread_mutex_t config_lock = PTHREAD_MUTEX_INITIALIZER;
static atomic_int jit_warmed; /* once per process: the JIT's compiled code serves every instance */
static BundleConfig bundle; /* read once per process (per copy of this library) */
static int bundle_loaded;

EXPORT Vst2Effect *VSTPluginMain(Vst2HostCallback host);

static PluginInstance *instance_of(Vst2Effect *effect) { return effect ? (PluginInstance *)effect->object : NULL; }

static intptr_t call_host(PluginInstance *p, int32_t opcode, int32_t index, intptr_t value, void *ptr, float opt) {
    return p->host ? p->host(&p->effect, opcode, index, value, ptr, opt) : 0;
}

/* Any thread that has called process counts as an audio thread: hosts may run a plugin on a pool of process
 * threads (and apply automation there), and the host must never be called back from one of them. */
static int is_audio_thread(PluginInstance *p) {
    uintptr_t self = (uintptr_t)pthread_self();
    for (int i = 0; i < AUDIO_THREAD_SLOTS; i++) {
        uintptr_t t = atomic_load_explicit(&p->audio_threads[i], memory_order_relaxed);
        if (t == self) return 1;
        if (t == 0) return 0;
    }
    return 0;
}

/* Audio thread: remembers the calling thread (a scan of a few slots, no lock; more threads than slots share the last). */
static void note_audio_thread(PluginInstance *p) {
    uintptr_t self = (uintptr_t)pthread_self();
    for (int i = 0; i < AUDIO_THREAD_SLOTS; i++) {
        uintptr_t t = atomic_load_explicit(&p->audio_threads[i], memory_order_relaxed);
        if (t == self) return;
        if (t == 0) {
            uintptr_t expected = 0;
            if (atomic_compare_exchange_strong_explicit(&p->audio_threads[i], &expected, self, memory_order_relaxed,
                                                        memory_order_relaxed) || expected == self) {
                return;
            }
        }
    }
    atomic_store_explicit(&p->audio_threads[AUDIO_THREAD_SLOTS - 1], self, memory_order_relaxed);
}

static int try_enter_audio(PluginInstance *p) {
    int expected = 0;
    return atomic_compare_exchange_strong_explicit(&p->audio_guard, &expected, 1, memory_order_acquire,
                                                   memory_order_relaxed);
}

/* Non-audio threads only: waits at most one audio block. */
static void enter_audio_blocking(PluginInstance *p) {
    while (!try_enter_audio(p)) {
        sched_yield();
    }
}

static void leave_audio(PluginInstance *p) { atomic_store_explicit(&p->audio_guard, 0, memory_order_release); }

static void clear_exception(JNIEnv *env) {
    if ((*env)->ExceptionCheck(env)) {
        (*env)->ExceptionClear(env);
    }
}

/* Logs a pending Java exception (non-audio threads only). */
static int log_exception(JNIEnv *env, const char *what) {
    if (!(*env)->ExceptionCheck(env)) {
        return 0;
    }
    char text[1024];
    java_take_exception(env, text, sizeof text);
    shim_log("%s failed in Java: %s", what, text);
    return 1;
}

/* Tells the host about a latency change, from non-audio threads (Ardour polls initialDelay anyway). */
static void notify_latency(PluginInstance *p) {
    int now = p->effect.initialDelay;
    if (!is_audio_thread(p) && atomic_exchange(&p->reported_latency, now) != now) {
        call_host(p, VST2_HOST_IO_CHANGED, 0, 0, NULL, 0.0f);
    }
}

static void refresh_latency(PluginInstance *p, JNIEnv *env) {
    jint latency = (*env)->CallIntMethod(env, p->bridge, java_bridge()->latency);
    clear_exception(env);
    if (latency >= 0) {
        p->effect.initialDelay = latency;
    }
}

/* ---- configuration (main thread) ------------------------------------------------------------------- */

static float *alloc_audio(int channels, int frames) {
    void *memory = NULL;
    size_t bytes = (size_t)channels * (size_t)frames * sizeof(float);
    if (posix_memalign(&memory, 64, bytes) != 0) {
        return NULL;
    }
    memset(memory, 0, bytes);
    return memory;
}

/* Prepares the Java side for a rate and maximum block size with fresh buffers; the old ones are freed
 * once Java has let go of them. Keeps the previous state if anything fails. */
static int reconfigure(PluginInstance *p, JNIEnv *env, double rate, int max_block) {
    if (!(rate > 0.0) || !isfinite(rate) || max_block < 1) {
        return -1;
    }
    if (max_block > MAX_BLOCK_LIMIT) {
        max_block = MAX_BLOCK_LIMIT; /* larger host blocks are split */
    }
    float *in = alloc_audio(p->channels, max_block);
    float *out = alloc_audio(p->channels, max_block);
    jlong bytes = (jlong)p->channels * max_block * (jlong)sizeof(float);
    jobject in_buffer = in ? (*env)->NewDirectByteBuffer(env, in, bytes) : NULL;
    jobject out_buffer = out ? (*env)->NewDirectByteBuffer(env, out, bytes) : NULL;
    if (!in_buffer || !out_buffer) {
        clear_exception(env);
        if (in_buffer) (*env)->DeleteLocalRef(env, in_buffer);
        if (out_buffer) (*env)->DeleteLocalRef(env, out_buffer);
        free(in);
        free(out);
        shim_log("out of memory preparing %d channel(s) x %d frames", p->channels, max_block);
        return -1;
    }
    enter_audio_blocking(p);
    jint latency = (*env)->CallIntMethod(env, p->bridge, java_bridge()->prepare, (jdouble)rate, (jint)max_block,
                                         in_buffer, out_buffer);
    int failed = log_exception(env, "prepare");
    if (!failed) {
        float *old_in = p->audio_in, *old_out = p->audio_out;
        p->audio_in = in;
        p->audio_out = out;
        p->max_block = max_block;
        p->sample_rate = rate;
        p->effect.initialDelay = latency >= 0 ? latency : 0;
        atomic_store(&p->reset_pending, 0);
        in = old_in;
        out = old_out;
    }
    leave_audio(p);
    (*env)->DeleteLocalRef(env, in_buffer);
    (*env)->DeleteLocalRef(env, out_buffer);
    free(in);
    free(out);
    if (!failed && latency < 0) {
        shim_log("sample rate %.1f Hz is outside 8-192 kHz: audio passes through unprocessed", rate);
    }
    return failed ? -1 : 0;
}

/* ---- audio ---------------------------------------------------------------------------------------- */

static void write_silence_float(float **outputs, int channels, int frames) {
    for (int c = 0; c < channels; c++) {
        if (outputs[c]) memset(outputs[c], 0, (size_t)frames * sizeof(float));
    }
}

static void write_silence_double(double **outputs, int channels, int frames) {
    for (int c = 0; c < channels; c++) {
        if (outputs[c]) memset(outputs[c], 0, (size_t)frames * sizeof(double));
    }
}

/* One host block, split into max_block pieces; `is_double` selects the sample type of the host buffers.
 * Every input channel of a piece is copied before any output is written: hosts may pass one buffer as
 * both input and output. */
static void process_block(PluginInstance *p, void **inputs, void **outputs, int32_t frames, int is_double) {
    const int channels = p->channels;
    if (frames < 0 || !inputs || !outputs) {
        return;
    }
    note_audio_thread(p);
    JNIEnv *env = java_env();
    if (!env || !try_enter_audio(p)) {
        if (is_double) write_silence_double((double **)outputs, channels, frames);
        else write_silence_float((float **)outputs, channels, frames);
        return;
    }
    const BridgeMethods *m = java_bridge();
    if (atomic_exchange_explicit(&p->reset_pending, 0, memory_order_acq_rel)) {
        (*env)->CallIntMethod(env, p->bridge, m->reset);
        clear_exception(env);
    }
    const int stride = p->max_block;
    jint latency = -1;
    int32_t done = 0;
    do {
        int32_t n = frames - done < stride ? frames - done : stride;
        for (int c = 0; c < channels; c++) {
            float *dst = p->audio_in + (size_t)c * stride;
            if (!inputs[c]) { /* a host that leaves a channel unconnected: it reads as silence */
                memset(dst, 0, (size_t)n * sizeof(float));
            } else if (is_double) {
                const double *src = ((double **)inputs)[c] + done;
                for (int32_t i = 0; i < n; i++) dst[i] = (float)src[i];
            } else {
                memcpy(dst, ((float **)inputs)[c] + done, (size_t)n * sizeof(float));
            }
        }
        latency = (*env)->CallIntMethod(env, p->bridge, m->process, (jint)n);
        if ((*env)->ExceptionCheck(env)) {
            (*env)->ExceptionClear(env);
            atomic_fetch_add_explicit(&p->java_failures, 1, memory_order_relaxed);
            memset(p->audio_out, 0, (size_t)channels * stride * sizeof(float));
            latency = -1;
        }
        for (int c = 0; c < channels; c++) {
            const float *src = p->audio_out + (size_t)c * stride;
            if (!outputs[c]) {
                continue;
            } else if (is_double) {
                double *dst = ((double **)outputs)[c] + done;
                for (int32_t i = 0; i < n; i++) dst[i] = src[i];
            } else {
                memcpy(((float **)outputs)[c] + done, src, (size_t)n * sizeof(float));
            }
        }
        done += n;
    } while (done < frames);
    leave_audio(p);
    if (latency >= 0) {
        p->effect.initialDelay = latency; /* hosts poll it; IOChanged follows from the next main-thread call */
    }
}

static void process_replacing(Vst2Effect *effect, float **inputs, float **outputs, int32_t frames) {
    PluginInstance *p = instance_of(effect);
    if (p) process_block(p, (void **)inputs, (void **)outputs, frames, 0);
}

static void process_double_replacing(Vst2Effect *effect, double **inputs, double **outputs, int32_t frames) {
    PluginInstance *p = instance_of(effect);
    if (p) process_block(p, (void **)inputs, (void **)outputs, frames, 1);
}

/* The deprecated accumulating process: adds the processed block to `outputs`. */
static void process_accumulating(Vst2Effect *effect, float **inputs, float **outputs, int32_t frames) {
    PluginInstance *p = instance_of(effect);
    if (!p || frames <= 0 || !inputs || !outputs) {
        return;
    }
    float scratch[256];
    int32_t done = 0;
    while (done < frames) {
        int32_t n = frames - done < 128 ? frames - done : 128;
        float *in_ptrs[2], *out_ptrs[2];
        for (int c = 0; c < p->channels; c++) {
            in_ptrs[c] = inputs[c] ? inputs[c] + done : NULL;
            out_ptrs[c] = scratch + c * 128;
        }
        process_block(p, (void **)in_ptrs, (void **)out_ptrs, n, 0);
        for (int c = 0; c < p->channels; c++) {
            if (!outputs[c]) continue;
            for (int32_t i = 0; i < n; i++) outputs[c][done + i] += out_ptrs[c][i];
        }
        done += n;
    }
}

/* ---- parameters (any thread) ------------------------------------------------------------------------ */

static void set_parameter(Vst2Effect *effect, int32_t index, float value) {
    PluginInstance *p = instance_of(effect);
    if (!p || index < 0 || index >= p->effect.numParams) {
        return;
    }
    JNIEnv *env = java_env();
    if (!env) {
        return;
    }
    (*env)->CallVoidMethod(env, p->bridge, java_bridge()->set_normalized, (jint)index, (jfloat)value);
    clear_exception(env);
    if (!is_audio_thread(p)) { /* look-ahead changes the latency; the audio thread leaves that to process */
        refresh_latency(p, env);
        notify_latency(p);
    }
}

static float get_parameter(Vst2Effect *effect, int32_t index) {
    PluginInstance *p = instance_of(effect);
    if (!p || index < 0 || index >= p->effect.numParams) {
        return 0.0f;
    }
    JNIEnv *env = java_env();
    if (!env) {
        return 0.0f;
    }
    jfloat value = (*env)->CallFloatMethod(env, p->bridge, java_bridge()->get_normalized, (jint)index);
    clear_exception(env);
    return value;
}

/* ---- dispatcher helpers (non-audio threads) -------------------------------------------------------- */

static void copy_string(char *dst, size_t size, const char *src) {
    if (!dst || size == 0) return;
    snprintf(dst, size, "%s", src);
}

/* Asks Java for a text into `dst` (at most size-1 bytes + NUL). Returns 1 when Java had one. */
static int java_text(PluginInstance *p, JNIEnv *env, int kind, int index, char *dst, int size) {
    if (!dst || size <= 0) {
        return 0;
    }
    pthread_mutex_lock(&p->message_lock);
    jint length = (*env)->CallIntMethod(env, p->bridge, java_bridge()->text, (jint)kind, (jint)index,
                                        (jint)(size - 1));
    int ok = !log_exception(env, "text") && length >= 0 && length < size;
    if (ok) {
        memcpy(dst, p->message, (size_t)length);
        dst[length] = '\0';
    }
    pthread_mutex_unlock(&p->message_lock);
    if (!ok) {
        dst[0] = '\0';
    }
    return ok;
}

/* Copies a host string into the message buffer; returns its length (at most max_bytes). */
static int put_message_string(PluginInstance *p, const char *text, size_t max_bytes) {
    size_t length = strnlen(text, max_bytes);
    memcpy(p->message, text, length);
    return (int)length;
}

static intptr_t can_do(PluginInstance *p, const char *what) {
    if (!what) return 0;
    if (strcmp(what, "plugAsChannelInsert") == 0 || strcmp(what, "plugAsSend") == 0) return 1;
    if (strcmp(what, "1in1out") == 0) return p->channels == 1 ? 1 : -1;
    if (strcmp(what, "2in2out") == 0) return p->channels == 2 ? 1 : -1;
    if (strcmp(what, "bypass") == 0) return 1; /* soft bypass: crossfaded, keeps the latency */
    if (strncmp(what, "receiveVst", 10) == 0 || strncmp(what, "sendVst", 7) == 0) return -1; /* no MIDI, no time info */
    if (strcmp(what, "offline") == 0 || strcmp(what, "noRealTime") == 0 || strcmp(what, "mixDryWet") == 0) return -1;
    if (strcmp(what, "midiProgramNames") == 0 || strcmp(what, "midiKeyBasedInstrumentControl") == 0) return -1;
    return 0;
}

static intptr_t fill_pin(PluginInstance *p, int index, Vst2PinProperties *pin, const char *direction) {
    if (!pin || index < 0 || index >= p->channels) return 0;
    memset(pin, 0, sizeof *pin);
    if (p->channels == 2) {
        snprintf(pin->label, sizeof pin->label, "%s %s", direction, index == 0 ? "Left" : "Right");
        snprintf(pin->shortLabel, sizeof pin->shortLabel, "%s", index == 0 ? "L" : "R");
        pin->flags = VST2_PIN_IS_ACTIVE | (index == 0 ? VST2_PIN_IS_STEREO : 0);
    } else {
        snprintf(pin->label, sizeof pin->label, "%s", direction);
        snprintf(pin->shortLabel, sizeof pin->shortLabel, "%s", index == 0 ? "M" : "?");
        pin->flags = VST2_PIN_IS_ACTIVE;
    }
    return 1;
}

static intptr_t fill_parameter_properties(PluginInstance *p, JNIEnv *env, int index, Vst2ParameterProperties *props) {
    if (!props || index < 0 || index >= p->effect.numParams) return 0;
    memset(props, 0, sizeof *props);
    java_text(p, env, TEXT_PARAM_LONG_NAME, index, props->label, sizeof props->label);
    java_text(p, env, TEXT_PARAM_NAME, index, props->shortLabel, sizeof props->shortLabel);
    jint flags = (*env)->CallIntMethod(env, p->bridge, java_bridge()->parameter_flags, (jint)index);
    clear_exception(env);
    jfloat step = (*env)->CallFloatMethod(env, p->bridge, java_bridge()->parameter_step, (jint)index);
    clear_exception(env);
    if (flags & PARAM_FLAG_SWITCH) {
        props->flags = VST2_PARAM_IS_SWITCH;
    } else {
        props->flags = VST2_PARAM_USES_FLOAT_STEP | ((flags & PARAM_FLAG_DISCRETE) ? 0 : VST2_PARAM_CAN_RAMP);
        props->stepFloat = step;
        props->smallStepFloat = step;
        props->largeStepFloat = (flags & PARAM_FLAG_DISCRETE) ? step : fminf(1.0f, step * 10.0f);
    }
    props->flags |= VST2_PARAM_SUPPORTS_DISPLAY_INDEX;
    props->displayIndex = (int16_t)index;
    return 1;
}

/* ---- editor (host GUI thread; gestures from the Swing event thread) --------------------------------------------- */

/* Logs what the Java editor noted (a fallback to a floating window, why it cannot open), if anything. */
static void log_editor_note(PluginInstance *p, JNIEnv *env) {
    char note[512];
    if (java_text(p, env, TEXT_EDITOR_NOTE, 0, note, sizeof note) && note[0]) {
        shim_log("editor: %s", note);
    }
}

/* A Java failure in an editor opcode: one log line (the first few times per instance); the opcode answers 0. */
static void editor_failed(PluginInstance *p, JNIEnv *env, const char *what) {
    char text[1024];
    java_take_exception(env, text, sizeof text);
    if (p->editor_failures++ < 5) {
        shim_log("%s failed in Java: %s", what, text);
    }
}

static intptr_t editor_get_rect(PluginInstance *p, JNIEnv *env, void *ptr) {
    if (!ptr) return 0;
    *(Vst2Rect **)ptr = NULL;
    if (!(p->effect.flags & VST2_FLAG_HAS_EDITOR)) return 0;
    jint size = (*env)->CallIntMethod(env, p->bridge, java_bridge()->editor_size);
    if ((*env)->ExceptionCheck(env)) {
        editor_failed(p, env, "effEditGetRect");
        return 0;
    }
    log_editor_note(p, env);
    if (size <= 0) return 0;
    p->editor_rect.top = 0;
    p->editor_rect.left = 0;
    p->editor_rect.right = (int16_t)((size >> 16) & 0x7fff);
    p->editor_rect.bottom = (int16_t)(size & 0x7fff);
    *(Vst2Rect **)ptr = &p->editor_rect;
    return 1;
}

static intptr_t editor_open(PluginInstance *p, JNIEnv *env, void *parent_window) {
    if (!(p->effect.flags & VST2_FLAG_HAS_EDITOR)) return 0;
    jboolean opened = (*env)->CallBooleanMethod(env, p->bridge, java_bridge()->open_editor,
                                                (jlong)(uintptr_t)parent_window);
    if ((*env)->ExceptionCheck(env)) {
        editor_failed(p, env, "effEditOpen");
        return 0;
    }
    log_editor_note(p, env);
    return opened ? 1 : 0;
}

static intptr_t editor_close(PluginInstance *p, JNIEnv *env) {
    if (!(p->effect.flags & VST2_FLAG_HAS_EDITOR)) return 0;
    (*env)->CallVoidMethod(env, p->bridge, java_bridge()->close_editor);
    if ((*env)->ExceptionCheck(env)) {
        editor_failed(p, env, "effEditClose");
        return 0;
    }
    log_editor_note(p, env);
    return 1;
}

/* The editor's gestures, called by Java on the Swing event thread (never the audio thread). PluginBridge calls this
 * only between enableEditor and close, holding a lock that close takes before the instance is freed. Ardour re-reads
 * getParameter on Automate: the Java editor model has applied the value before it calls here. */
void JNICALL plugin_host_gesture(JNIEnv *env, jclass bridge_class, jlong instance, jint kind, jint index,
                                 jfloat normalized) {
    (void)env;
    (void)bridge_class;
    PluginInstance *p = (PluginInstance *)(uintptr_t)instance;
    if (!p || index < 0 || index >= p->effect.numParams) {
        return;
    }
    switch (kind) {
    case GESTURE_BEGIN:
        call_host(p, VST2_HOST_BEGIN_EDIT, index, 0, NULL, 0.0f);
        break;
    case GESTURE_CHANGED:
        call_host(p, VST2_HOST_AUTOMATE, index, 0, NULL, normalized);
        break;
    case GESTURE_END:
        call_host(p, VST2_HOST_END_EDIT, index, 0, NULL, 0.0f);
        break;
    default:
        break;
    }
}

static void destroy_instance(PluginInstance *p, JNIEnv *env) {
    if (env && p->bridge) {
        (*env)->CallVoidMethod(env, p->bridge, java_bridge()->close);
        log_exception(env, "close");
        (*env)->DeleteGlobalRef(env, p->bridge);
    }
    long failures = atomic_load(&p->java_failures);
    if (failures > 0) {
        shim_log("%ld audio block(s) failed in Java and were output as silence", failures);
    }
    pthread_mutex_destroy(&p->message_lock);
    free(p->audio_in);
    free(p->audio_out);
    free(p->message);
    free(p->chunk);
    free(p);
}

static intptr_t dispatcher(Vst2Effect *effect, int32_t opcode, int32_t index, intptr_t value, void *ptr, float opt) {
    PluginInstance *p = instance_of(effect);
    if (!p) return 0;
    JNIEnv *env = java_env();
    if (!env) return 0;
    const BridgeMethods *m = java_bridge();
    const int params = p->effect.numParams;

    switch (opcode) {
    case VST2_EFF_OPEN:
        return 0; /* everything was set up by the entry point, so a plugin that cannot run is never listed */
    case VST2_EFF_CLOSE:
        destroy_instance(p, env);
        return 0;

    case VST2_EFF_SET_PROGRAM:
        (*env)->CallVoidMethod(env, p->bridge, m->set_program, (jint)value);
        log_exception(env, "setProgram");
        refresh_latency(p, env);
        notify_latency(p);
        return 0;
    case VST2_EFF_GET_PROGRAM: {
        jint program = (*env)->CallIntMethod(env, p->bridge, m->program);
        clear_exception(env);
        return program;
    }
    case VST2_EFF_SET_PROGRAM_NAME:
        if (!ptr) return 0;
        pthread_mutex_lock(&p->message_lock);
        (*env)->CallVoidMethod(env, p->bridge, m->set_program_name,
                               (jint)put_message_string(p, ptr, VST2_PROGRAM_NAME_SIZE - 1));
        log_exception(env, "setProgramName");
        pthread_mutex_unlock(&p->message_lock);
        return 0;
    case VST2_EFF_GET_PROGRAM_NAME:
        java_text(p, env, TEXT_PROGRAM_NAME, 0, ptr, VST2_PROGRAM_NAME_SIZE);
        return 0;
    case VST2_EFF_GET_PROGRAM_NAME_INDEXED:
        return java_text(p, env, TEXT_PROGRAM_NAME_INDEXED, index, ptr, VST2_PROGRAM_NAME_SIZE);

    /* Parameter strings: hosts pass 8 to 128 byte buffers; ours stay within 24 bytes (see vst2-abi.md §7). */
    case VST2_EFF_GET_PARAM_LABEL:
        if (index < 0 || index >= params) return 0;
        java_text(p, env, TEXT_PARAM_LABEL, index, ptr, VST2_PARAM_STRING_SIZE);
        return 0;
    case VST2_EFF_GET_PARAM_DISPLAY:
        if (index < 0 || index >= params) return 0;
        java_text(p, env, TEXT_PARAM_DISPLAY, index, ptr, VST2_PARAM_STRING_SIZE);
        return 0;
    case VST2_EFF_GET_PARAM_NAME:
        if (index < 0 || index >= params) return 0;
        java_text(p, env, TEXT_PARAM_NAME, index, ptr, 24);
        return 0;
    case VST2_EFF_CAN_BE_AUTOMATED:
        return index >= 0 && index < params ? 1 : 0;
    case VST2_EFF_STRING_TO_PARAMETER: {
        if (!ptr) return 1; /* probe: supported */
        if (index < 0 || index >= params) return 0;
        pthread_mutex_lock(&p->message_lock);
        jboolean parsed = (*env)->CallBooleanMethod(env, p->bridge, m->parse_parameter, (jint)index,
                                                    (jint)put_message_string(p, ptr, 256));
        clear_exception(env);
        pthread_mutex_unlock(&p->message_lock);
        refresh_latency(p, env);
        notify_latency(p);
        return parsed ? 1 : 0;
    }
    case VST2_EFF_GET_PARAMETER_PROPERTIES:
        return fill_parameter_properties(p, env, index, ptr);

    case VST2_EFF_SET_SAMPLE_RATE:
        if (opt > 0.0f && isfinite(opt) && (double)opt != p->sample_rate) {
            reconfigure(p, env, opt, p->max_block);
            notify_latency(p);
        }
        return 0;
    case VST2_EFF_SET_BLOCK_SIZE: {
        int block = value > MAX_BLOCK_LIMIT ? MAX_BLOCK_LIMIT : (int)value; /* larger host blocks are split */
        if (value > 0 && block != p->max_block) {
            reconfigure(p, env, p->sample_rate, block);
            notify_latency(p);
        }
        return 0;
    }
    case VST2_EFF_MAINS_CHANGED:
        if (value && !is_audio_thread(p) && !atomic_exchange(&jit_warmed, 1)) {
            /* First resume in this process, on a host thread: get the signal path compiled before audio needs it
             * (scanners never resume, so they do not pay for this). */
            (*env)->CallVoidMethod(env, p->bridge, m->warm_up, (jint)WARM_UP_HOPS);
            log_exception(env, "warmUp");
        }
        if (value) { /* resume: start from a clean state; may arrive on the audio thread */
            if (try_enter_audio(p)) {
                jint latency = (*env)->CallIntMethod(env, p->bridge, m->reset);
                clear_exception(env);
                if (latency >= 0) p->effect.initialDelay = latency;
                leave_audio(p);
            } else {
                atomic_store(&p->reset_pending, 1);
            }
            notify_latency(p);
        }
        return 0;

    case VST2_EFF_GET_CHUNK: {
        if (!ptr) return 0;
        intptr_t size = 0;
        pthread_mutex_lock(&p->message_lock);
        jint length = (*env)->CallIntMethod(env, p->bridge, m->save_state);
        if (!log_exception(env, "getChunk") && length > 0) {
            unsigned char *copy = realloc(p->chunk, (size_t)length);
            if (copy) {
                memcpy(copy, p->message, (size_t)length);
                p->chunk = copy;
                size = length;
            }
        }
        pthread_mutex_unlock(&p->message_lock);
        *(void **)ptr = size > 0 ? p->chunk : NULL;
        return size;
    }
    case VST2_EFF_SET_CHUNK: {
        if (!ptr || value <= 0 || value > MESSAGE_CAPACITY) {
            shim_log("ignored a state chunk of %ld bytes (expected 1..%d): parameters unchanged", (long)value,
                     MESSAGE_CAPACITY);
            return 0;
        }
        pthread_mutex_lock(&p->message_lock);
        memcpy(p->message, ptr, (size_t)value);
        jboolean loaded = (*env)->CallBooleanMethod(env, p->bridge, m->load_state, (jint)value);
        int failed = log_exception(env, "setChunk");
        pthread_mutex_unlock(&p->message_lock);
        if (!loaded && !failed) {
            shim_log("ignored a state chunk of %ld bytes that is not percepnet4j state (or is damaged): "
                     "parameters unchanged", (long)value);
        }
        refresh_latency(p, env);
        notify_latency(p);
        return loaded ? 1 : 0;
    }

    case VST2_EFF_GET_INPUT_PROPERTIES:
        return fill_pin(p, index, ptr, "Input");
    case VST2_EFF_GET_OUTPUT_PROPERTIES:
        return fill_pin(p, index, ptr, "Output");
    case VST2_EFF_GET_PLUG_CATEGORY:
        return VST2_CATEGORY_RESTORATION;
    case VST2_EFF_SET_BYPASS:
        (*env)->CallVoidMethod(env, p->bridge, m->set_bypass, (jboolean)(value != 0));
        clear_exception(env);
        return 1;
    case VST2_EFF_GET_EFFECT_NAME:
        copy_string(ptr, VST2_EFFECT_NAME_SIZE, bundle.effect_name);
        return ptr ? 1 : 0;
    case VST2_EFF_GET_VENDOR_STRING:
        copy_string(ptr, VST2_VENDOR_STRING_SIZE, VENDOR_NAME);
        return ptr ? 1 : 0;
    case VST2_EFF_GET_PRODUCT_STRING:
        copy_string(ptr, VST2_VENDOR_STRING_SIZE, PRODUCT_NAME);
        return ptr ? 1 : 0;
    case VST2_EFF_GET_VENDOR_VERSION:
        return PLUGIN_VERSION;
    case VST2_EFF_CAN_DO:
        return can_do(p, ptr);
    case VST2_EFF_GET_TAIL_SIZE:
        return 0; /* default: nothing rings beyond the reported latency */
    case VST2_EFF_GET_VST_VERSION:
        return VST2_VERSION;
    case VST2_EFF_SET_PROCESS_PRECISION:
        return value == 0 || value == 1 ? 1 : 0;
    case VST2_EFF_EDIT_GET_RECT:
        return editor_get_rect(p, env, ptr);
    case VST2_EFF_EDIT_OPEN:
        return editor_open(p, env, ptr);
    case VST2_EFF_EDIT_CLOSE:
        return editor_close(p, env);
    case VST2_EFF_EDIT_IDLE:
        return 0; /* the editor runs on Swing's own event thread: nothing to pump here */
    default:
        return 0; /* MIDI, speaker arrangements, offline, shells: not supported */
    }
}

/* ---- entry point ----------------------------------------------------------------------------------- */

static int start_runtime(char *why, size_t why_size) {
    pthread_mutex_lock(&config_lock);
    if (!bundle_loaded) {
        if (bundle_config_load((const void *)VSTPluginMain, &bundle, why, (unsigned)why_size) != 0) {
            pthread_mutex_unlock(&config_lock);
            return -1;
        }
        bundle_loaded = 1;
        shim_log_open(bundle.dir, bundle.stem, bundle.log);
        if (!bundle.config_found) {
            shim_log("%s not found: using defaults (stereo, jars in %s/percepnet4j-lib)", bundle.config_path,
                     bundle.dir);
        }
        if (bundle.bad_lines[0]) {
            shim_log("%s: ignored %s", bundle.config_path, bundle.bad_lines);
        }
    }
    pthread_mutex_unlock(&config_lock);
    static atomic_int announced;
    int rc = java_runtime_start(&bundle, why, why_size);
    if (rc == 0 && !atomic_exchange(&announced, 1)) {
        shim_log("%s: %s", bundle.stem, java_runtime_description());
    }
    return rc;
}

static PluginInstance *create_instance(Vst2HostCallback host, char *why, size_t why_size) {
    JNIEnv *env = java_env();
    if (!env) {
        snprintf(why, why_size, "cannot attach this thread to the JVM");
        return NULL;
    }
    const BridgeMethods *m = java_bridge();
    PluginInstance *p = calloc(1, sizeof *p);
    if (!p) {
        snprintf(why, why_size, "out of memory");
        return NULL;
    }
    pthread_mutex_init(&p->message_lock, NULL);
    p->host = host;
    p->channels = bundle.channels;
    p->message = malloc(MESSAGE_CAPACITY);
    jobject message = p->message ? (*env)->NewDirectByteBuffer(env, p->message, MESSAGE_CAPACITY) : NULL;
    jstring test_model = bundle.test_gain_model[0] ? (*env)->NewStringUTF(env, bundle.test_gain_model) : NULL;
    jobject bridge = message ? (*env)->CallStaticObjectMethod(env, m->bridge_class, m->create, (jint)p->channels,
                                                              test_model, message)
                             : NULL;
    if (!bridge || (*env)->ExceptionCheck(env)) {
        java_take_exception(env, why, why_size);
        if (!why[0]) snprintf(why, why_size, "PluginBridge.create returned nothing");
        if (message) (*env)->DeleteLocalRef(env, message);
        if (test_model) (*env)->DeleteLocalRef(env, test_model);
        if (bridge) (*env)->DeleteLocalRef(env, bridge);
        destroy_instance(p, NULL);
        return NULL;
    }
    p->bridge = (*env)->NewGlobalRef(env, bridge);
    (*env)->DeleteLocalRef(env, bridge);
    (*env)->DeleteLocalRef(env, message);
    if (test_model) {
        static atomic_int announced;
        if (!atomic_exchange(&announced, 1)) {
            shim_log("TEST BUNDLE: using the test gain model %s instead of the default model", bundle.test_gain_model);
        }
        (*env)->DeleteLocalRef(env, test_model);
    }

    Vst2Effect *e = &p->effect;
    e->magic = VST2_MAGIC;
    e->object = p;
    e->dispatcher = dispatcher;
    e->processAccumulating = process_accumulating;
    e->processReplacing = process_replacing;
    e->processDoubleReplacing = process_double_replacing;
    e->setParameter = set_parameter;
    e->getParameter = get_parameter;
    e->numParams = (*env)->CallStaticIntMethod(env, m->bridge_class, m->parameter_count);
    int failed = log_exception(env, "parameterCount");
    e->numPrograms = failed ? 0 : (*env)->CallStaticIntMethod(env, m->bridge_class, m->program_count);
    if (failed || log_exception(env, "programCount")) {
        snprintf(why, why_size, "the bridge cannot count its parameters");
        destroy_instance(p, env);
        return NULL;
    }
    e->numInputs = p->channels;
    e->numOutputs = p->channels;
    e->flags = VST2_FLAG_CAN_REPLACING | VST2_FLAG_PROGRAM_CHUNKS | VST2_FLAG_CAN_DOUBLE_REPLACING;
    if (bundle.editor) {
        /* An editor only where one can show (display + X11 toolkit); decided now, without starting the toolkit. */
        jboolean editor = (*env)->CallBooleanMethod(env, p->bridge, m->enable_editor, (jlong)(uintptr_t)p);
        if (!log_exception(env, "enableEditor") && editor) {
            e->flags |= VST2_FLAG_HAS_EDITOR;
        }
    }
    e->uniqueId = bundle.unique_id;
    e->version = PLUGIN_VERSION;

    /* The scanner answers 0 for the rate: prepare for a sensible default until the host says otherwise. */
    intptr_t host_rate = host ? host(NULL, VST2_HOST_GET_SAMPLE_RATE, 0, 0, NULL, 0.0f) : 0;
    intptr_t host_block = host ? host(NULL, VST2_HOST_GET_BLOCK_SIZE, 0, 0, NULL, 0.0f) : 0;
    double rate = host_rate >= 8000 && host_rate <= 384000 ? (double)host_rate : DEFAULT_RATE;
    int block = host_block > 0 && host_block <= MAX_BLOCK_LIMIT ? (int)host_block : DEFAULT_BLOCK;
    if (reconfigure(p, env, rate, block) != 0) {
        snprintf(why, why_size, "cannot prepare the processor for %.0f Hz, %d frames", rate, block);
        destroy_instance(p, env);
        return NULL;
    }
    atomic_store(&p->reported_latency, e->initialDelay);
    return p;
}

EXPORT Vst2Effect *VSTPluginMain(Vst2HostCallback host) {
    char why[2048] = "";
    if (start_runtime(why, sizeof why) != 0) {
        shim_log("refusing to load the plugin: %s", why);
        return NULL;
    }
    PluginInstance *p = create_instance(host, why, sizeof why);
    if (!p) {
        shim_log("refusing to load the plugin: %s", why);
        return NULL;
    }
    return &p->effect;
}

/* Older Linux hosts look for `main`: the same function under that assembler name. */
EXPORT Vst2Effect *vst2_legacy_main(Vst2HostCallback host) __asm__("main") __attribute__((alias("VSTPluginMain")));
