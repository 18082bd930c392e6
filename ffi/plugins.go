package main

/*
#include "types.h"
*/
import "C"

// libpact does not run Pact plugins (gRPC, protobuf, ...). These functions
// exist so that clients which call them get a clear answer: the documented
// failure value and the last error "libpact does not support plugins".

//export pactffi_using_plugin
func pactffi_using_plugin(pact C.PactHandle, name *C.char, version *C.char) (ret C.uint) {
	defer guard(&ret, 1, "pactffi_using_plugin")
	setError(errorf("pactffi_using_plugin", "%v", errNoPlugins))
	return 2 // "failed to load the plugin"
}

//export pactffi_using_plugin_with_delay
func pactffi_using_plugin_with_delay(pact C.PactHandle, name *C.char, version *C.char, delay C.uint64_t) (ret C.uint) {
	defer guard(&ret, 1, "pactffi_using_plugin_with_delay")
	setError(errorf("pactffi_using_plugin_with_delay", "%v", errNoPlugins))
	return 2
}

//export pactffi_cleanup_plugins
func pactffi_cleanup_plugins(pact C.PactHandle) {
	// No plugins are ever loaded, so there is nothing to clean up.
}

//export pactffi_interaction_contents
func pactffi_interaction_contents(interaction C.InteractionHandle, part C.enum_InteractionPart, contentType *C.char, contents *C.char) (ret C.uint) {
	defer guard(&ret, 1, "pactffi_interaction_contents")
	setError(errorf("pactffi_interaction_contents", "%v (use pactffi_with_body or pactffi_message_with_contents for non-plugin content)", errNoPlugins))
	return 6 // "the plugin returned an error"
}

//export pactffi_register_plugin_log_callback
func pactffi_register_plugin_log_callback(callback C.PluginLogCallback) {
	defer guardVoid("pactffi_register_plugin_log_callback")
	setError(errorf("pactffi_register_plugin_log_callback", "%v", errNoPlugins))
}

//export pactffi_get_plugin_logs
func pactffi_get_plugin_logs(id *C.char) (ret *C.char) {
	defer guard(&ret, nil, "pactffi_get_plugin_logs")
	setError(errorf("pactffi_get_plugin_logs", "%v", errNoPlugins))
	return nil
}
