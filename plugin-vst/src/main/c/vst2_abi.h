/*
 * The VST 2.4 binary interface as seen from a Linux x86_64 plugin, written for percepnet4j from the
 * published facts in shared/docs/vst2-abi.md (layouts, opcode numbers, flag bits). Only what the shim
 * uses is named here; names are our own.
 */
#ifndef PERCEPNET4J_VST2_ABI_H
#define PERCEPNET4J_VST2_ABI_H

#include <stddef.h>
#include <stdint.h>

typedef struct Vst2Effect Vst2Effect;

/* Host -> plugin dispatcher and plugin -> host callback share one shape; value and result are pointer-sized. */
typedef intptr_t (*Vst2HostCallback)(Vst2Effect *effect, int32_t opcode, int32_t index, intptr_t value,
                                     void *ptr, float opt);
typedef intptr_t (*Vst2Dispatcher)(Vst2Effect *effect, int32_t opcode, int32_t index, intptr_t value,
                                   void *ptr, float opt);
typedef void (*Vst2ProcessFloat)(Vst2Effect *effect, float **inputs, float **outputs, int32_t frames);
typedef void (*Vst2ProcessDouble)(Vst2Effect *effect, double **inputs, double **outputs, int32_t frames);
typedef void (*Vst2SetParameter)(Vst2Effect *effect, int32_t index, float normalized);
typedef float (*Vst2GetParameter)(Vst2Effect *effect, int32_t index);

/* The plugin's description block: owned by the plugin, zero-initialised, valid until effClose returns. */
struct Vst2Effect {
    int32_t magic;                 /* VST2_MAGIC */
    Vst2Dispatcher dispatcher;
    Vst2ProcessFloat processAccumulating; /* deprecated accumulating process */
    Vst2SetParameter setParameter;
    Vst2GetParameter getParameter;
    int32_t numPrograms;
    int32_t numParams;
    int32_t numInputs;
    int32_t numOutputs;
    int32_t flags;
    intptr_t hostReserved1;        /* written by some hosts (Ardour) after the entry point returns */
    intptr_t hostReserved2;
    int32_t initialDelay;          /* latency in samples, polled by hosts */
    int32_t deprecatedRealQualities;
    int32_t deprecatedOffQualities;
    float deprecatedIoRatio;
    void *object;                  /* the shim's instance */
    void *user;
    int32_t uniqueId;              /* four characters, big-endian packed */
    int32_t version;
    Vst2ProcessFloat processReplacing;
    Vst2ProcessDouble processDoubleReplacing;
    char future[56];
};

_Static_assert(offsetof(Vst2Effect, magic) == 0, "magic");
_Static_assert(offsetof(Vst2Effect, dispatcher) == 8, "dispatcher");
_Static_assert(offsetof(Vst2Effect, processAccumulating) == 16, "process");
_Static_assert(offsetof(Vst2Effect, setParameter) == 24, "setParameter");
_Static_assert(offsetof(Vst2Effect, getParameter) == 32, "getParameter");
_Static_assert(offsetof(Vst2Effect, numPrograms) == 40, "numPrograms");
_Static_assert(offsetof(Vst2Effect, numParams) == 44, "numParams");
_Static_assert(offsetof(Vst2Effect, numInputs) == 48, "numInputs");
_Static_assert(offsetof(Vst2Effect, numOutputs) == 52, "numOutputs");
_Static_assert(offsetof(Vst2Effect, flags) == 56, "flags");
_Static_assert(offsetof(Vst2Effect, hostReserved1) == 64, "resvd1");
_Static_assert(offsetof(Vst2Effect, hostReserved2) == 72, "resvd2");
_Static_assert(offsetof(Vst2Effect, initialDelay) == 80, "initialDelay");
_Static_assert(offsetof(Vst2Effect, deprecatedIoRatio) == 92, "ioRatio");
_Static_assert(offsetof(Vst2Effect, object) == 96, "object");
_Static_assert(offsetof(Vst2Effect, user) == 104, "user");
_Static_assert(offsetof(Vst2Effect, uniqueId) == 112, "uniqueID");
_Static_assert(offsetof(Vst2Effect, version) == 116, "version");
_Static_assert(offsetof(Vst2Effect, processReplacing) == 120, "processReplacing");
_Static_assert(offsetof(Vst2Effect, processDoubleReplacing) == 128, "processDoubleReplacing");
_Static_assert(offsetof(Vst2Effect, future) == 136, "future");
_Static_assert(sizeof(Vst2Effect) == 192, "AEffect is 192 bytes on LP64");

#define VST2_MAGIC 0x56737450 /* "VstP" */
#define VST2_VERSION 2400

#define VST2_FOURCC(a, b, c, d) \
    ((int32_t)(((uint32_t)(a) << 24) | ((uint32_t)(b) << 16) | ((uint32_t)(c) << 8) | (uint32_t)(d)))

/* Effect flags */
enum {
    VST2_FLAG_HAS_EDITOR = 1 << 0,
    VST2_FLAG_CAN_REPLACING = 1 << 4,
    VST2_FLAG_PROGRAM_CHUNKS = 1 << 5,
    VST2_FLAG_IS_SYNTH = 1 << 8,
    VST2_FLAG_NO_SOUND_IN_STOP = 1 << 9,
    VST2_FLAG_CAN_DOUBLE_REPLACING = 1 << 12,
};

/* Dispatcher opcodes (host -> plugin) */
enum {
    VST2_EFF_OPEN = 0,
    VST2_EFF_CLOSE = 1,
    VST2_EFF_SET_PROGRAM = 2,
    VST2_EFF_GET_PROGRAM = 3,
    VST2_EFF_SET_PROGRAM_NAME = 4,
    VST2_EFF_GET_PROGRAM_NAME = 5,
    VST2_EFF_GET_PARAM_LABEL = 6,
    VST2_EFF_GET_PARAM_DISPLAY = 7,
    VST2_EFF_GET_PARAM_NAME = 8,
    VST2_EFF_SET_SAMPLE_RATE = 10,
    VST2_EFF_SET_BLOCK_SIZE = 11,
    VST2_EFF_MAINS_CHANGED = 12,
    VST2_EFF_EDIT_GET_RECT = 13,
    VST2_EFF_EDIT_OPEN = 14,
    VST2_EFF_EDIT_CLOSE = 15,
    VST2_EFF_EDIT_IDLE = 19,
    VST2_EFF_GET_CHUNK = 23,
    VST2_EFF_SET_CHUNK = 24,
    VST2_EFF_PROCESS_EVENTS = 25,
    VST2_EFF_CAN_BE_AUTOMATED = 26,
    VST2_EFF_STRING_TO_PARAMETER = 27,
    VST2_EFF_GET_PROGRAM_NAME_INDEXED = 29,
    VST2_EFF_GET_INPUT_PROPERTIES = 33,
    VST2_EFF_GET_OUTPUT_PROPERTIES = 34,
    VST2_EFF_GET_PLUG_CATEGORY = 35,
    VST2_EFF_SET_SPEAKER_ARRANGEMENT = 42,
    VST2_EFF_SET_BYPASS = 44,
    VST2_EFF_GET_EFFECT_NAME = 45,
    VST2_EFF_GET_VENDOR_STRING = 47,
    VST2_EFF_GET_PRODUCT_STRING = 48,
    VST2_EFF_GET_VENDOR_VERSION = 49,
    VST2_EFF_VENDOR_SPECIFIC = 50,
    VST2_EFF_CAN_DO = 51,
    VST2_EFF_GET_TAIL_SIZE = 52,
    VST2_EFF_GET_PARAMETER_PROPERTIES = 56,
    VST2_EFF_GET_VST_VERSION = 58,
    VST2_EFF_BEGIN_SET_PROGRAM = 67,
    VST2_EFF_END_SET_PROGRAM = 68,
    VST2_EFF_GET_SPEAKER_ARRANGEMENT = 69,
    VST2_EFF_START_PROCESS = 71,
    VST2_EFF_STOP_PROCESS = 72,
    VST2_EFF_BEGIN_LOAD_BANK = 75,
    VST2_EFF_BEGIN_LOAD_PROGRAM = 76,
    VST2_EFF_SET_PROCESS_PRECISION = 77,
};

/* Host callback opcodes (plugin -> host) */
enum {
    VST2_HOST_AUTOMATE = 0,
    VST2_HOST_VERSION = 1,
    VST2_HOST_IO_CHANGED = 13,
    VST2_HOST_SIZE_WINDOW = 15,
    VST2_HOST_GET_SAMPLE_RATE = 16,
    VST2_HOST_GET_BLOCK_SIZE = 17,
    VST2_HOST_UPDATE_DISPLAY = 42,
    VST2_HOST_BEGIN_EDIT = 43,
    VST2_HOST_END_EDIT = 44,
};

/* Plug categories */
enum {
    VST2_CATEGORY_EFFECT = 1,
    VST2_CATEGORY_RESTORATION = 8,
};

/* Official buffer sizes, terminating NUL included */
enum {
    VST2_PROGRAM_NAME_SIZE = 24,
    VST2_PARAM_STRING_SIZE = 8,
    VST2_EFFECT_NAME_SIZE = 32,
    VST2_VENDOR_STRING_SIZE = 64,
};

/* Editor rectangle (effEditGetRect answers a pointer to a plugin-owned one), in pixels */
typedef struct {
    int16_t top;
    int16_t left;
    int16_t bottom;
    int16_t right;
} Vst2Rect;
_Static_assert(sizeof(Vst2Rect) == 8, "ERect size");

/* Pin description (effGetInput/OutputProperties) */
typedef struct {
    char label[64];
    int32_t flags;
    int32_t arrangementType;
    char shortLabel[8];
    char reserved[48];
} Vst2PinProperties;

_Static_assert(offsetof(Vst2PinProperties, flags) == 64, "pin flags");
_Static_assert(offsetof(Vst2PinProperties, arrangementType) == 68, "pin arrangement");
_Static_assert(offsetof(Vst2PinProperties, shortLabel) == 72, "pin short label");
_Static_assert(sizeof(Vst2PinProperties) == 128, "VstPinProperties is 128 bytes");

enum {
    VST2_PIN_IS_ACTIVE = 1 << 0,
    VST2_PIN_IS_STEREO = 1 << 1,
};

/* Parameter description (effGetParameterProperties) */
typedef struct {
    float stepFloat;
    float smallStepFloat;
    float largeStepFloat;
    char label[64];
    int32_t flags;
    int32_t minInteger;
    int32_t maxInteger;
    int32_t stepInteger;
    int32_t largeStepInteger;
    char shortLabel[8];
    int16_t displayIndex;
    int16_t category;
    int16_t numParametersInCategory;
    int16_t reserved;
    char categoryLabel[24];
    char future[16];
} Vst2ParameterProperties;

_Static_assert(offsetof(Vst2ParameterProperties, label) == 12, "param label");
_Static_assert(offsetof(Vst2ParameterProperties, flags) == 76, "param flags");
_Static_assert(offsetof(Vst2ParameterProperties, minInteger) == 80, "param minInteger");
_Static_assert(offsetof(Vst2ParameterProperties, largeStepInteger) == 92, "param largeStepInteger");
_Static_assert(offsetof(Vst2ParameterProperties, shortLabel) == 96, "param shortLabel");
_Static_assert(offsetof(Vst2ParameterProperties, displayIndex) == 104, "param displayIndex");
_Static_assert(offsetof(Vst2ParameterProperties, categoryLabel) == 112, "param categoryLabel");
_Static_assert(sizeof(Vst2ParameterProperties) == 152, "VstParameterProperties is 152 bytes");

enum {
    VST2_PARAM_IS_SWITCH = 1 << 0,
    VST2_PARAM_USES_INTEGER_MIN_MAX = 1 << 1,
    VST2_PARAM_USES_FLOAT_STEP = 1 << 2,
    VST2_PARAM_USES_INT_STEP = 1 << 3,
    VST2_PARAM_SUPPORTS_DISPLAY_INDEX = 1 << 4,
    VST2_PARAM_CAN_RAMP = 1 << 6,
};

#endif
