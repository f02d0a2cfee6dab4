#!/usr/bin/env python3
"""Derives a JSON Schema (draft 2020-12) for one OCSF event class from the OCSF schema source.

The OCSF project's own tooling (ocsf-server, ocsf-lib-py) compiles the schema source into a
resolved schema; neither installs here, so this script does the part of that compilation a
validator needs, with the same rules, in the Python 3 standard library only:

* inheritance: an event class or object ``extends`` its parent; attributes (and constraints) are
  deep-merged, the child winning, so an ``enum`` given by a child adds to or renames its parent's
  values (finding's activity_id 1-3 join base_event's 0 and 99);
* ``$include`` of a profile file: its attributes join the item's, tagged with the profile's name
  unless the including item sets ``"profile"`` itself (``null`` keeps it in every event);
* profiles: an attribute tagged with a profile is kept only when that profile is applied (here
  ``cloud``), in the class and in every object it reaches;
* the dictionary: each attribute's definition (type, is_array, enum) is the dictionary's entry
  deep-merged with the item's, the item winning (so compliance.status_id keeps 0 and 99 from the
  dictionary and renames 1 and 2 to Pass and Warning);
* the class identifiers: category_uid has the category's uid, class_uid is category uid x 1000 +
  class uid, type_uid is class_uid x 100 + each activity_id value;
* types: the dictionary's scalar types become JSON types, with their ``regex`` as ``pattern``,
  ``max_len`` as ``maxLength`` and ``range`` as minimum/maximum; objects are ``$defs`` referenced by
  ``$ref`` (objects are recursive); ``required`` lists the attributes whose requirement is
  ``required``; ``at_least_one`` and ``just_one`` constraints become ``anyOf``/``oneOf`` of
  ``required``; no attribute outside the schema is accepted (``additionalProperties: false``),
  as ocsf-server's validator reports an unknown attribute.

Usage (from the repository root):
    python3 report/src/test/ocsf/derive_json_schema.py ../shared/ocsf-schema-1.6.0 \
        compliance_finding cloud > report/src/test/resources/ocsf/compliance_finding-1.6.0.schema.json
"""
import copy
import json
import os
import sys

SCALARS = {
    "string_t": {"type": "string"},
    "integer_t": {"type": "integer"},
    "long_t": {"type": "integer"},
    "float_t": {"type": "number"},
    "boolean_t": {"type": "boolean"},
    "json_t": {},
}


def deep_merge(base, over):
    """base with over's keys replacing or, for two dicts, merged into base's."""
    if not isinstance(base, dict) or not isinstance(over, dict):
        return copy.deepcopy(over)
    merged = copy.deepcopy(base)
    for key, value in over.items():
        merged[key] = deep_merge(merged[key], value) if key in merged else copy.deepcopy(value)
    return merged


class Source:
    def __init__(self, root):
        self.root = root
        self.version = self.load("version.json")["version"]
        dictionary = self.load("dictionary.json")
        self.dictionary = dictionary["attributes"]
        self.types = dictionary["types"]["attributes"]
        self.categories = self.load("categories.json")["attributes"]
        self.objects = self.named_files("objects")
        self.events = self.named_files("events")

    def load(self, relative):
        with open(os.path.join(self.root, relative), encoding="utf-8") as f:
            return json.load(f)

    def named_files(self, folder):
        items = {}
        for directory, _, files in sorted(os.walk(os.path.join(self.root, folder))):
            for name in sorted(files):
                if name.endswith(".json"):
                    item = self.load(os.path.relpath(os.path.join(directory, name), self.root))
                    items[item["name"]] = item
        return items

    def with_includes(self, item):
        """The item with the attributes of the profiles it includes merged in, tagged by profile."""
        attributes = dict(item.get("attributes", {}))
        included = {}
        for path in attributes.pop("$include", []):
            profile = self.load(path)
            for name, attribute in profile["attributes"].items():
                included[name] = dict(attribute, profile=profile["name"])
        resolved = dict(item)
        resolved["attributes"] = deep_merge(included, attributes)
        return resolved

    def resolved(self, items, name):
        """The item with its ancestors' attributes and constraints merged in."""
        item = self.with_includes(items[name])
        parent = item.get("extends")
        if not parent:
            return item
        base = self.resolved(items, parent)
        merged = dict(item)
        merged["attributes"] = deep_merge(base.get("attributes", {}), item["attributes"])
        if "constraints" not in item and "constraints" in base:
            merged["constraints"] = base["constraints"]
        if "category" not in item and "category" in base:
            merged["category"] = base["category"]
        return merged


class Deriver:
    def __init__(self, source, profiles):
        self.source = source
        self.profiles = set(profiles)
        self.defs = {}

    def attributes(self, item):
        """The item's attributes with the profiles applied, each merged onto its dictionary entry."""
        kept = {}
        for name, local in sorted(item["attributes"].items()):
            profile = local.get("profile")
            if profile is not None and profile not in self.profiles:
                continue
            if name not in self.source.dictionary:
                raise SystemExit(f"{item['name']}.{name} is not in the dictionary")
            kept[name] = deep_merge(self.source.dictionary[name], local)
        return kept

    def event(self, class_name):
        event = self.source.resolved(self.source.events, class_name)
        category = self.source.categories[event["category"]]
        class_uid = category["uid"] * 1000 + event["uid"]
        attributes = self.attributes(event)
        attributes["category_uid"]["enum"] = {str(category["uid"]): {"caption": category["caption"]}}
        attributes["class_uid"]["enum"] = {str(class_uid): {"caption": event["caption"]}}
        activities = attributes["activity_id"]["enum"]
        attributes["type_uid"]["enum"] = {
            str(class_uid * 100 + int(key)): {"caption": f"{event['caption']}: {value['caption']}"}
            for key, value in activities.items()}
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"https://schema.ocsf.io/{self.source.version}/classes/{class_name}"
                   f"?profiles={','.join(sorted(self.profiles))}",
            "title": f"{event['caption']} ({class_uid})",
            "description": f"OCSF {self.source.version} class {class_name} (class_uid {class_uid}) with the "
                           f"profiles {', '.join(sorted(self.profiles))} applied; derived from the OCSF "
                           f"schema source by derive_json_schema.py.",
        }
        schema.update(self.object_schema(event, attributes))
        schema["$defs"] = {name: self.defs[name] for name in sorted(self.defs)}
        return schema

    def object_schema(self, item, attributes):
        properties = {name: self.attribute_schema(attribute) for name, attribute in attributes.items()}
        required = [name for name, attribute in attributes.items() if attribute.get("requirement") == "required"]
        schema = {"type": "object", "properties": properties, "additionalProperties": False}
        if required:
            schema["required"] = required
        constraints = item.get("constraints", {})
        for keyword, names in (("anyOf", constraints.get("at_least_one")), ("oneOf", constraints.get("just_one"))):
            present = [name for name in names or [] if name in attributes]
            if present:
                schema[keyword] = [{"required": [name]} for name in present]
        return schema

    def attribute_schema(self, attribute):
        type_name = attribute["type"]
        if type_name.endswith("_t"):
            value = self.scalar_schema(type_name)
        else:
            self.define(type_name)
            value = {"$ref": f"#/$defs/{type_name}"}
        if "enum" in attribute:
            keys = sorted(attribute["enum"], key=lambda k: (len(k), k))
            is_number = value.get("type") == "integer"
            value["enum"] = [int(k) for k in sorted(keys, key=int)] if is_number else keys
        if attribute.get("is_array"):
            value = {"type": "array", "items": value}
        if attribute.get("@deprecated"):
            value["deprecated"] = True
        return value

    def scalar_schema(self, type_name):
        chain = []
        while type_name not in SCALARS:
            definition = self.source.types[type_name]
            chain.append(definition)
            type_name = definition["type"]
        schema = dict(SCALARS[type_name])
        for definition in chain:
            if "regex" in definition and "pattern" not in schema:
                schema["pattern"] = definition["regex"]
            if "max_len" in definition:
                schema["maxLength"] = definition["max_len"]
            if "range" in definition:
                schema["minimum"], schema["maximum"] = definition["range"]
        return schema

    def define(self, object_name):
        if object_name in self.defs:
            return
        self.defs[object_name] = {}  # placeholder: objects refer to themselves
        item = self.source.resolved(self.source.objects, object_name)
        definition = {"title": item["caption"]}
        if item["attributes"]:
            definition.update(self.object_schema(item, self.attributes(item)))
        else:
            definition["type"] = "object"  # OCSF's generic object (unmapped, data): any attributes
        self.defs[object_name] = definition


def main(argv):
    if len(argv) < 3:
        sys.exit("usage: derive_json_schema.py SCHEMA_SOURCE_DIR CLASS_NAME [PROFILE ...]")
    schema = Deriver(Source(argv[1]), argv[3:]).event(argv[2])
    sys.stdout.write(json.dumps(schema, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv)
