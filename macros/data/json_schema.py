"""Draft-07 JSON Schemas of the data models, with the fields' Vietnamese descriptions.

Two readers use them: editors with YAML support (``qcdc-schema`` writes one per data
file) and the open data, which publishes the schema of each JSON file it writes.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema

DRAFT_07 = "http://json-schema.org/draft-07/schema#"


class _Draft07(GenerateJsonSchema):
    """Pydantic's generator, without the English titles it derives from Python names."""

    schema_dialect = DRAFT_07

    def field_title_should_be_set(self, schema: Any) -> bool:
        return False


def model_schema(model: type[BaseModel], title: str, mode: Literal["validation", "serialization"] = "validation") -> dict[str, Any]:
    """The draft-07 JSON Schema of a model: of what it reads (validation) or of what it writes
    (serialization, e.g. dates as ISO 8601), with the fields' Vietnamese descriptions."""
    generated = model.model_json_schema(mode=mode, schema_generator=_Draft07, ref_template="#/definitions/{model}")
    definitions = generated.pop("definitions", generated.pop("$defs", {}))
    for definition in definitions.values():
        # A model's title is its Python name and its description the English docstring:
        # the editor reads the Vietnamese description of the field that holds it instead.
        definition.pop("title", None)
        definition.pop("description", None)
    generated.pop("title", None)
    generated.pop("description", None)
    schema = {"$schema": DRAFT_07, "title": title, **generated}
    if definitions:
        schema["definitions"] = definitions
    return _keep_descriptions_beside_refs(schema)


def _keep_descriptions_beside_refs(node: Any) -> Any:
    """In draft-07 a ``$ref`` hides its siblings: wrap it so that a field's description still shows."""
    if isinstance(node, list):
        return [_keep_descriptions_beside_refs(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _keep_descriptions_beside_refs(value) for key, value in node.items()}
    if "$ref" in node and len(node) > 1:
        reference = node.pop("$ref")
        return {"allOf": [{"$ref": reference}], **node}
    return node
