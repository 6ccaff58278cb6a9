package scripts

import _ "embed"

// schema is a JSON Schema (draft 2020-12) of the script format, for editors
// that validate and complete YAML: it accepts what Parse accepts, short of
// the rules a schema cannot say (the limits on the whole session, phases as
// many as tempo entries).
//
//go:embed schema.json
var schema []byte

// Schema returns the JSON Schema of the script format.
func Schema() []byte { return append([]byte(nil), schema...) }
