package consumer

import "github.com/libpact/libpact/core/logging"

// DefaultConsumer and DefaultProvider name the parties of a new pact whose
// caller names none.
const (
	DefaultConsumer = "Consumer"
	DefaultProvider = "Provider"
)

// Names returns the consumer and provider names of a new pact from the names
// a caller gave, nil meaning none (a NULL pointer at the C ABI): a missing
// name becomes DefaultConsumer or DefaultProvider, with a warning in the log.
// This is how pact_ffi 0.5.8 reads the names of both pactffi_new_pact and
// pactffi_new_message_pact. An empty name stays empty.
//
//	web := "web"
//	c, p := consumer.Names(&web, nil) // "web", "Provider"
func Names(consumerName, providerName *string) (string, string) {
	return nameOr(consumerName, "consumer", DefaultConsumer), nameOr(providerName, "provider", DefaultProvider)
}

// nameOr returns *name, or def (logged) when name is nil.
func nameOr(name *string, role, def string) string {
	if name != nil {
		return *name
	}
	logging.LogWarn("no "+role+" name given (NULL); using the default", "name", def)
	return def
}
