package model

// V3Metadata returns the metadata a V3 message carries: Metadata with the
// body's content type under "contentType" when the contents have one and
// that exact key is missing (pact_models as_message). It never replaces a
// contentType; it returns Metadata itself when it adds nothing, else a new
// map.
//
//	mc := model.MessageContents{Contents: model.Body{ContentType: "application/json"}}
//	mc.V3Metadata() // map[contentType:application/json]
func (mc *MessageContents) V3Metadata() map[string]any {
	ct := mc.Contents.ContentType
	if ct == "" {
		return mc.Metadata
	}
	if _, ok := mc.Metadata["contentType"]; ok {
		return mc.Metadata
	}
	md := make(map[string]any, len(mc.Metadata)+1)
	for k, v := range mc.Metadata {
		md[k] = v
	}
	md["contentType"] = ct
	return md
}
