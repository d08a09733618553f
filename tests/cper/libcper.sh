#!/bin/sh
# openbmc/libcper's JSON both ways (docs/cper.md, "libcper's JSON"):
#  - every golden of tests/golden/cper/ that libcper's form can carry:
#    hestval cper --format libcper -> validates against libcper's JSON Schema
#    (tests/cper/libcper-schema/, python3-jsonschema) -> hestc cper -> the
#    same bytes; the others are refused with the reason;
#  - fields of each kind as libcper's C prints them (cited per check);
#  - the kinds without arrays of structures (CXL, CCIX, DMAr, PCI bus,
#    Ampere, FRU memory poison) in one record and block, field by field, and
#    in libcper's newer generation (no validationBits, only valid fields);
#  - 1000 random blocks and records (hestc cper --random, the first kinds
#    libcper's form has, both containers): the same round trip, or a refusal
#    for one of the reasons libcper's form cannot carry them; the kinds
#    without arrays again over 25 seeds;
#  - the kinds with arrays of structures (ARM, IA32/X64, PCI component,
#    NVIDIA): their fields, libcper's newer form, the examples as records,
#    500 random records and 200 random blocks or records, the same way;
#  - malformed libcper JSON: errors at line:col.
. "$top_srcdir/tests/lib.sh"
schema="$top_srcdir/tests/cper/libcper-schema"
validate="$top_srcdir/tests/cper/libcper-validate.py"
gold="$top_srcdir/tests/golden/cper"
if ! python3 -c 'import jsonschema' 2>/dev/null; then
	not_ok "python3-jsonschema is installed (scripts/debian-packages.txt): it judges libcper's schema"
	done_testing
	exit 1
fi

# is_record FILE: a CPER record (its "CPER" signature) rather than a status block
is_record() { [ "$(head -c 4 "$1" | tr -d "\\000")" = CPER ]; }

# roundtrip BIN JSON: hestc cper builds BIN again from JSON
roundtrip() {
	form=
	is_record "$1" || form="--form status-block"
	# shellcheck disable=SC2086 # form is empty or two words
	"$HESTC" cper -q $form "$2" -o "$2.bin" && cmp -s "$1" "$2.bin"
}

# classify BIN REASONS: libcper's JSON of BIN builds BIN again (exact; the
# JSON joins jsons), or hestval refuses it with an error matching REASONS
# (refused), or neither (wrong, the first three shown)
classify() {
	j="${1%.bin}.json"
	if "$HESTVAL" cper "$1" --format libcper >"$j" 2>"$j.err"; then
		if roundtrip "$1" "$j"; then
			exact=$((exact + 1))
			jsons="$jsons $j"
			return
		fi
		why="libcper's JSON does not build it again"
	elif grep -Eq "$2" "$j.err"; then
		refused=$((refused + 1))
		return
	else
		why=$(head -c 300 "$j.err")
	fi
	wrong=$((wrong + 1))
	[ "$wrong" -le 3 ] && diag "$(basename "$1"): $why"
}

# --- goldens ---------------------------------------------------------------------
for g in "$gold"/*.bin; do
	name=$(basename "$g" .bin)
	j="$scratch/$name.json"
	if "$HESTVAL" cper "$g" --format libcper >"$j" 2>"$scratch/$name.err"; then
		check "$name: libcper's JSON validates against libcper's schema" python3 "$validate" "$schema" "$j"
		check "$name: hestc cper builds the golden again from libcper's JSON" roundtrip "$g" "$j"
		continue
	fi
	# the kinds the mapping table has rows for must export; the others
	# (the kinds added after the table) are refused by name
	case $name in
	memory | memory2 | memory-16 | processor-generic | pcie | fw-error-ref | multi | record | \
		cxl-general-media | cxl-dram | cxl-memory-module | ccix-per | dmar-* | pci-bus | fru-memory-poison | \
		arm | pci-device | nvidia | ia32x64)
		why="(no refusal expected)" ;;
	raw) why="cannot carry the block's 4 bytes of raw data" ;;
	# libcper writes the agent address of CXL 1.1 agents only (this one is a CXL 2.0 device)
	cxl-protocol) why="(in section #0 (cxl-protocol), byte 18 of the section: bus)" ;;
	# libcper's Ampere form is 8 bytes: type id, subtype id, instance id
	ampere) why="(in section #0 (ampere), byte 9 of the section: error_address)" ;;
	*) why="hestc does not write libcper's JSON of" ;;
	esac
	if grep -q "$why" "$scratch/$name.err"; then
		ok "$name: refused: $why"
	else
		not_ok "$name: libcper's JSON written ($(head -c 300 "$scratch/$name.err"))"
	fi
done

# --- what libcper's C prints, field by field ---------------------------------------
check "fields as libcper prints them" python3 - "$scratch" <<'PY'
import json, sys
d = sys.argv[1]
def load(n): return json.load(open("%s/%s.json" % (d, n)))
m = load("memory"); mem = m["sections"][0]["Memory"]
# cper-section-memory.c: physicalAddressHex is "0x%016llX"; bank {"value"} when bank is valid
assert mem["physicalAddress"] == 0x12345000 and mem["physicalAddressHex"] == "0x0000000012345000", mem
assert mem["bank"] == {"value": 4}, mem["bank"]
assert mem["memoryErrorType"]["value"] == 3 and mem["moduleRank"] == 3 and mem["rankNumber"] == 9, mem
# cper-utils.c cper_generic_error_status_to_ir(): the error type is bits 15:8 of the status
assert mem["errorStatus"]["errorType"] == {"value": 4, "name": "ERR_MEM"}, mem["errorStatus"]
# cper-parse.c cper_section_descriptor_to_ir(): flags by bit, fruText when its bit is set
desc = m["sectionDescriptors"][0]
assert desc["flags"]["primary"] is True and desc["fruText"] == "DIMM A1" and "fruID" not in desc, desc
assert desc["sectionType"]["data"] == "a5bc1114-6f64-4ede-b863-3e83ed7c83b1", desc
# cper-utils.c severity_to_string(), revision_to_ir()
assert m["header"]["severity"] == {"code": 0, "name": "Recoverable"}, m["header"]
r = load("record"); h = r["header"]
# cper-utils.c timestamp_to_string() and guid_to_string(); cper-parse.c notification names and flags pair
assert h["timestamp"] == "2024-05-01T12:34:56+00:00" and h["timestampIsPrecise"] is False, h
assert h["platformID"] == "01234567-89ab-cdef-0123-456789abcdef" and "partitionID" not in h, h
assert h["notificationType"] == {"guid": "2dce8bb1-bdd7-450e-b9ad-9cf4ebd4f890", "type": "CMC"}, h
assert h["flags"] == {"value": 1, "name": "HW_ERROR_FLAGS_RECOVERED"} and h["recordID"] == 42, h
assert h["revision"] == {"major": 1, "minor": 1} and r["sectionDescriptors"][0]["revision"] == {"major": 1, "minor": 0}
m2 = load("memory2")["sections"][0]["Memory2"]
# cper-section-memory.c (memory 2): "module", "rank", "chipID"; bank address/group when bank is not valid
assert m2["bank"] == {"address": 1, "group": 3} and m2["module"] == 2 and m2["rank"] == 2 and m2["chipID"] == 3, m2
assert m2["device"] == 0x12345 and m2["row"] == 0x1FFFF and m2["status"] == {"value": 0, "state": "Corrected"}, m2
assert m2["validationBits"]["bankGroupValid"] and not m2["validationBits"]["bankValid"], m2
assert load("memory2")["header"]["timestampIsPrecise"] is True
g = load("processor-generic")["sections"][0]["GenericProcessor"]
# cper-section-generic.c: name/value pairs, flags by bit, the brand string as text
assert g["processorType"]["value"] == 0 and g["processorISA"]["value"] == 2 and g["operation"]["value"] == 1, g
assert g["flags"] == {"restartable": False, "preciseIP": True, "overflow": False, "corrected": False}, g
assert g["cpuBrandString"] == "Intel(R) Xeon(R) CPU E-2176G @ 3.70GHz" and g["level"] == 2, g
assert g["instructionIP"] == 0xffffffff81000000 and g["cpuVersionInfo"] == 0x906ea, g
f = load("fw-error-ref")["sections"][0]["Firmware"]
# cper-section-firmware.c: errorRecordType pair, revision, recordID, recordIDGUID
assert f["errorRecordType"]["value"] == 2 and f["revision"] == 2 and f["recordIDGUID"] == "0f8a2d3c-5b1e-4c6a-9d7f-1a2b3c4d5e6f", f
p = load("pcie")["sections"][0]["Pcie"]
# cper-section-pcie.c: version from BCD, class code from its bytes high first, deviceIDHex "%0X",
# command/status and bridge registers split, the AER registers decoded from the base64 bytes
assert p["version"] == {"minor": 0, "major": 2} and p["portType"]["value"] == 4, p
assert p["deviceID"]["deviceID"] == 0x1234 and p["deviceID"]["deviceIDHex"] == "1234", p["deviceID"]
assert p["deviceID"]["classCode"] == 0x000406 and p["deviceID"]["slotNumber"] == 5, p["deviceID"]
assert p["commandStatus"] == {"commandRegister": 0x547, "statusRegister": 0x10}, p["commandStatus"]
assert p["aerInfo"]["uncorrectable_error_status"] == 0x100000 and p["aerInfo"]["uncorrectable_error_status_hex"] == "00100000", p["aerInfo"]
# a status block's entry revision 0x300 is its descriptor's revision
assert load("memory")["sectionDescriptors"][0]["revision"] == {"major": 3, "minor": 0}
PY

# --- the kinds with arrays of structures, as libcper's C prints them -----------------
check "ARM, IA32/X64, PCI component, NVIDIA fields as libcper prints them" python3 - "$scratch" <<'PY'
import json, sys
d = sys.argv[1]
def load(n): return json.load(open("%s/%s.json" % (d, n)))
a = load("arm"); arm = a["sections"][0]["ArmProcessor"]
assert a["sectionDescriptors"][0]["sectionType"]["type"] == "ARM"
# cper-section-arm.c: counts and length, errorAffinity {value, type}, running from bit 0, psciState when bit 31 is clear
assert arm["errorInfoNum"] == 1 and arm["contextInfoNum"] == 1 and arm["sectionLength"] == 88, arm
assert arm["errorAffinity"] == {"value": 0, "type": "Vendor Defined"} and arm["running"] is True, arm
assert arm["mpidrEl1"] == 0x80000001 and arm["midrEl1"] == 0x410fd083 and arm["psciState"] == 0, arm
assert arm["validationBits"] == {"mpidrValid": True, "errorAffinityLevelValid": True, "runningStateValid": True,
                                 "vendorSpecificInfoValid": False}, arm
e = arm["errorInfo"][0]
# libcper reads the error type as an index: our 0x02 (cache, UEFI 2.10 bit mask) is its "Bus Error",
# and error_info is decoded as its bus structure (validation bits 15:0, transaction type 17:16, ...)
assert e["errorType"] == {"value": 2, "name": "Bus Error"} and e["length"] == 32, e
assert e["multipleError"] == {"value": 1, "type": "Multiple Errors"}, e
assert e["flags"] == {"firstErrorCaptured": True, "lastErrorCaptured": True, "propagated": False, "overflow": False}
bus = e["errorInformation"]["busError"]
assert bus["transactionType"] == {"value": 1, "name": "Data Access"} and bus["level"] == 2, bus
assert bus["operation"] == {"value": 3, "name": "Data Read"} and bus["validationBits"]["levelValid"], bus
assert not bus["validationBits"]["accessModeValid"] and bus["accessMode"] == {"value": 0, "name": "Secure"}, bus
assert e["virtualFaultAddress"] == 0xffff800012345678 and e["physicalFaultAddress"] == 0x40001000, e
c = arm["contextInfo"][0]
# the register array by context type: AArch32 secure is sctlr_s and spsr_mon, 32 bits each, little-endian
assert c["registerContextType"] == {"value": 3, "name": "AArch32 Secure Context Registers"}, c
assert c["registerArraySize"] == 8 and c["registerArray"] == {"sctlr_s": 0x33221100, "spsr_mon": 0x77665544}, c
p = load("pci-device"); pci = p["sections"][0]["PciComponent"]
# cper-section-pci-dev.c: idInfo, the two counts, the pairs as firstHalf/secondHalf
assert p["sectionDescriptors"][0]["sectionType"]["type"] == "PCI Component/Device"
assert pci["idInfo"] == {"vendorID": 0x8086, "deviceID": 0x10d3, "classCode": 0x020000, "functionNumber": 0,
                         "deviceNumber": 0, "busNumber": 3, "segmentNumber": 0}, pci
assert pci["memoryNumber"] == 2 and pci["ioNumber"] == 1 and pci["errorStatus"]["errorType"]["value"] == 16, pci
assert pci["registerDataPairs"][2] == {"firstHalf": 0xe000, "secondHalf": 0xff}, pci
assert all(pci["validationBits"].values()), pci
n = load("nvidia"); nv = n["sections"][0]["Nvidia"]
# cper-section-nvidia.c: signature text, severity {code, name}, registerCount, registers {address, value}
assert n["sectionDescriptors"][0]["sectionType"]["type"] == "NVIDIA"
assert nv["signature"] == "CMET-INFO" and nv["severity"] == {"code": 2, "name": "Corrected"}, nv
assert nv["errorType"] == 6 and nv["errorInstance"] == 1 and nv["registerCount"] == 2, nv
assert nv["instanceBase"] == 0x13400000 and nv["registers"][1] == {"address": 0x13400018, "value": 0xdeadbeef}, nv
x = load("ia32x64"); ia = x["sections"][0]["Ia32x64Processor"]
# cper-section-ia32x64.c: the counts inside validationBits (this generation), the CPUID bytes as four
# 64-bit EAX..EDX, the error structure GUID with its name, check info decoded by that GUID
assert x["sectionDescriptors"][0]["sectionType"]["type"] == "IA32/X64"
assert ia["validationBits"] == {"localAPICIDValid": True, "cpuIDInfoValid": True, "processorErrorInfoNum": 1,
                                "processorContextInfoNum": 1}, ia
assert ia["localAPICID"] == 2 and ia["cpuidInfo"]["eax"] == 0x02100800000906ea and ia["cpuidInfo"]["ecx"] == 0, ia
e = ia["processorErrorInfo"][0]
assert e["type"] == {"guid": "a55701f5-e3ef-43de-ac72-249b573fad2c", "name": "Cache Check Error"}, e
ci = e["checkInfo"]  # 0xc70006: validation bits 1 and 2, transaction type 3, operation 1, level 3
assert ci["operation"] == {"value": 1, "name": "Generic Read"} and ci["level"] == 3, ci
assert ci["transactionType"] == {"value": 3, "name": "Unknown (Reserved)"} and ci["validationBits"]["levelValid"], ci
assert e["targetAddressID"] == 0x12345000 and e["instructionPointer"] == 0xffffffff81012345, e
c = ia["processorContextInfo"][0]
# an MSR context: libcper decodes only the 32-bit and 64-bit execution contexts; the rest is base64
assert c["registerContextType"] == {"value": 1, "name": "MSR Registers"} and c["msrAddress"] == 0x401, c
assert c["registerArraySize"] == 16 and c["registerArray"] == {"data": "AAAAAAAAAPAAUDQSAAAAAA=="}, c
PY

# --- libcper's newer generation: no validationBits, only the valid fields ---------------
python3 - "$scratch/memory.json" "$scratch/memory-new.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
mem = d["sections"][0]["Memory"]
valid = mem.pop("validationBits")
names = {"errorStatusValid": ["errorStatus"], "physicalAddressValid": ["physicalAddress", "physicalAddressHex"],
         "physicalAddressMaskValid": ["physicalAddressMask"], "nodeValid": ["node"], "cardValid": ["card"],
         "moduleValid": ["moduleRank"], "bankValid": ["bank"], "deviceValid": ["device"], "rowValid": ["row"],
         "columnValid": ["column"], "bitPositionValid": ["bitPosition"], "platformRequestorIDValid": ["requestorID"],
         "platformResponderIDValid": ["responderID"], "memoryPlatformTargetValid": ["targetID"],
         "memoryErrorTypeValid": ["memoryErrorType"], "rankNumberValid": ["rankNumber"],
         "cardHandleValid": ["cardSmbiosHandle"], "moduleHandleValid": ["moduleSmbiosHandle"],
         "extendedRowBitsValid": ["extended"]}
for bit, keys in names.items():
    if not valid[bit]:
        for k in keys:
            mem.pop(k, None)
del d["sectionDescriptors"][0]["validationBits"]
json.dump(d, open(sys.argv[2], "w"), indent=1)
PY
check "libcper's newer form (validation bits from the fields present) builds the golden" \
	roundtrip "$gold/memory.bin" "$scratch/memory-new.json"

# the newer generation of the kinds with arrays: validation bits (the section's,
# each item's, a decoded error information's) from the fields present
python3 - "$scratch" <<'PY'
import json, sys
d = sys.argv[1]
def strip(doc, kind, drop):
    del doc["sectionDescriptors"][0]["validationBits"]
    body = doc["sections"][0][kind]
    def walk(o):
        if isinstance(o, dict):
            valid = o.pop("validationBits", None)
            for bit, keys in drop.items():
                if valid is not None and bit in valid and not valid[bit]:
                    for k in keys:
                        o.pop(k, None)
            for v in o.values():
                walk(v)
        elif isinstance(o, list):
            for v in o:
                walk(v)
    walk(body)
    return doc
arm = strip(json.load(open(d + "/arm.json")), "ArmProcessor", {
    "vendorSpecificInfoValid": ["vendorSpecificInfo"], "processorContextCorruptValid": ["processorContextCorrupt"],
    "correctedValid": ["corrected"], "precisePCValid": ["precisePC"], "restartablePCValid": ["restartablePC"],
    "participationTypeValid": ["participationType"], "timedOutValid": ["timedOut"],
    "addressSpaceValid": ["addressSpace"], "memoryAttributesValid": ["memoryAttributes"],
    "accessModeValid": ["accessMode"]})
bus = arm["sections"][0]["ArmProcessor"]["errorInfo"][0]["errorInformation"]["busError"]
assert sorted(bus) == ["level", "operation", "transactionType"], bus
json.dump(arm, open(d + "/arm-new.json", "w"), indent=1)
json.dump(strip(json.load(open(d + "/pci-device.json")), "PciComponent", {}), open(d + "/pci-device-new.json", "w"))
# IA32/X64: the counts move beside the (dropped) validation bits
ia = json.load(open(d + "/ia32x64.json"))
body = ia["sections"][0]["Ia32x64Processor"]
vb = body.pop("validationBits")
body["processorErrorInfoNum"] = vb["processorErrorInfoNum"]
body["processorContextInfoNum"] = vb["processorContextInfoNum"]
ia = strip(ia, "Ia32x64Processor", {"requestorIDValid": ["requestorID"], "responderIDValid": ["responderID"],
    "transactionTypeValid": ["transactionType"], "processorContextCorruptValid": ["processorContextCorrupt"],
    "uncorrectedValid": ["uncorrected"], "preciseIPValid": ["preciseIP"], "restartableIPValid": ["restartableIP"],
    "overflowValid": ["overflow"]})
assert sorted(ia["sections"][0]["Ia32x64Processor"]["processorErrorInfo"][0]["checkInfo"]) == ["level", "operation"]
json.dump(ia, open(d + "/ia32x64-new.json", "w"), indent=1)
PY
check "libcper's newer form of an ARM section builds the golden" roundtrip "$gold/arm.bin" "$scratch/arm-new.json"
check "libcper's newer form of a PCI component section builds the golden" \
	roundtrip "$gold/pci-device.bin" "$scratch/pci-device-new.json"
# the golden's check info has a transaction type (3) whose validation bit is
# clear: the newer form leaves it out, so it reads back as 0 (cmp -l: byte 183,
# octal 307 -> 304, 0xc7 -> 0xc4) and nothing else changes
check "libcper's newer form of an IA32/X64 section builds the golden but for its invalid transaction type" \
	sh -c '"$1" cper -q --form status-block "$2" -o "$2.bin" &&
		[ "$(cmp -l "$2.bin" "$3" | tr -s " " | sed "s/^ //")" = "183 304 307" ]' sh "$HESTC" \
	"$scratch/ia32x64-new.json" "$gold/ia32x64.bin"


# --- the kinds without arrays of structures, in one record ------------------------------
cat >"$scratch/flat.yaml" <<'EOF'
form: record
severity: corrected
sections:
  - type: cxl-protocol
    agent_type: rcd
    segment: 1
    bus: 0x0d
    device: 2
    function: 3
    vendor_id: 0x8086
    subsystem_id: 0x1234
    class_code: 0x0502
    slot: 7
    serial_number: 0x0102030405060708
    capability: 10 00 02 00
    dvsec: 98 1e 01 00 3c 00 00 00
    error_log: 00 10 00 00
  - type: cxl-protocol
    agent_type: rch-dp
    device: 0x10
    bus: 0xd0
    segment: 0xfe
    agent_address_high: 0x000001
    dvsec: 01 02
  - type: cxl-dram
    vendor_id: 0x8086
    slot: 3
    physical_address: 0x1000
    channel: 2
  - type: ccix-per
    source_id: 2
    port_id: 1
    per_log: 01 00 00 00
  - type: dmar-generic
    requester_id: 0x200
    fault_reason: invalid-access
    access_type: write
    architecture_type: iommu
  - type: dmar-vtd
    version: 0x10
    oem_id: 49 4e 54 45 4c 20
    fault_record: 00 00 ff 7f 00 00 00 00 00 02 00 80 06 34 12 40
  - type: dmar-iommu
    control: 0xc05
    event_log_entry: 00 02 00 00 00 00 00 20 00 00 ff 7f 00 00 00 00
  - type: pci-bus
    error_type: master-abort
    bus_command: 0x0100000000000000
    requestor_id: 0x300
  - type: ampere
    ampere_type: 1
    subtype: 2
    instance: 3
    socket: 1
    error_status: 0xc4000000
  - type: fru-memory-poison
    fru_architecture: 0xa10f11
    fru_id: 0x1234
    error_info:
      - poison_timestamp: 0x65000000
        hardware_id: 0x9600000000
        address: 0x1000
EOF
flat="$scratch/flat.json"
"$HESTC" cper -q "$scratch/flat.yaml" -o "$scratch/flat.bin" || not_ok "flat.yaml builds"
check "the kinds without arrays: libcper's JSON written" \
	sh -c '"$1" cper "$2" --format libcper >"$3"' sh "$HESTVAL" "$scratch/flat.bin" "$flat"
check "... validates against libcper's schema" python3 "$validate" "$schema" "$flat"
check "... builds the record again" roundtrip "$scratch/flat.bin" "$flat"
sed '/^form: record/d' "$scratch/flat.yaml" >"$scratch/flatblk.yaml"
"$HESTC" cper -q "$scratch/flatblk.yaml" -o "$scratch/flatblk.bin" || not_ok "flatblk.yaml builds"
check "... as a status block too (the CXL DVSEC and error log carried)" \
	sh -c '"$1" cper "$2" --format libcper >"$3"' sh "$HESTVAL" "$scratch/flatblk.bin" "$scratch/flatblk.json"
check "... which builds the block again" roundtrip "$scratch/flatblk.bin" "$scratch/flatblk.json"

check "fields of the kinds without arrays as libcper prints them" python3 - "$scratch" <<'PY'
import base64, json, sys
d = sys.argv[1]
def load(n): return json.load(open("%s/%s.json" % (d, n)))
def b64(s): return base64.b64decode(s)
f = load("flat")
S = [list(s.values())[0] for s in f["sections"]]
D = f["sectionDescriptors"]
# cper-section.c: the section keys and readable names
assert [list(s)[0] for s in f["sections"]] == ["CxlProtocol", "CxlProtocol", "CxlComponent", "CcixPer", "GenericDmar",
    "VtdDmar", "IommuDmar", "PciBus", "Ampere", "Unknown"], f["sections"]
assert D[2]["sectionType"] == {"data": "601dcbb3-9c06-4eab-b8af-4e9bfb5c9624", "type": "CXL DRAM Component Error"}, D[2]
assert D[6]["sectionType"]["type"] == "IOMMU Specific DMAr" and D[8]["sectionType"]["type"] == "Ampere", D
# cper-section-cxl-protocol.c: the agent address by agent type, serial and capability of a CXL 1.1 device only
p = S[0]
assert p["agentType"] == {"value": 0, "name": "CXL 1.1 Device"}, p
assert p["cxlAgentAddress"] == {"functionNumber": 3, "deviceNumber": 2, "busNumber": 13, "segmentNumber": 1}, p
assert p["deviceID"]["vendorID"] == 0x8086 and p["deviceID"]["subsystemDeviceID"] == 0x1234 and p["deviceID"]["slotNumber"] == 7, p
assert p["deviceSerial"] == 0x0102030405060708 and b64(p["capabilityStructure"])[:4] == bytes([0x10, 0, 2, 0]), p
assert len(b64(p["capabilityStructure"])) == 60 and p["dvsecLength"] == 8 and p["errorLogLength"] == 4, p
assert b64(p["cxlDVSEC"]) == bytes.fromhex("981e01003c000000") and b64(p["cxlErrorLog"]) == bytes.fromhex("00100000"), p
q = S[1]
assert q["agentType"]["name"] == "CXL 1.1 Host Downstream Port" and q["cxlAgentAddress"] == {"value": 0x0000100fed01000}, q
assert "deviceSerial" not in q and "capabilityStructure" not in q and q["validationBits"]["cxlDVSECValid"], q
# cper-section-cxl-component.c: the header, then the event record (length - 32 bytes) as base64
c = S[2]
assert c["length"] == 144 and c["deviceID"]["vendorID"] == 0x8086 and c["deviceID"]["slotNumber"] == 3, c
ev = b64(c["cxlComponentEventLog"]["data"])
assert len(ev) == 112 and ev[32:40] == (0x1000).to_bytes(8, "little") and ev[0] == 128, ev.hex()
assert c["validationBits"] == {"deviceIDValid": True, "deviceSerialValid": False, "cxlComponentEventLogValid": True}, c
# cper-section-ccix-per.c: the PER log (length - 16 bytes)
x = S[3]
assert x["length"] == 20 and x["ccixSourceID"] == 2 and x["ccixPortID"] == 1 and b64(x["ccixPERLog"]) == bytes([1, 0, 0, 0]), x
# cper-section-dmar-generic.c: libcper's names (0 "DMA Write", architecture 1 "IOMMU"), the reason's description
g = S[4]
assert g["faultReason"] == {"value": 6, "name": "Invalid Read/Write", "description": "Invalid read or write access."}, g
assert g["accessType"] == {"value": 1, "name": "DMA Read"} and g["architectureType"] == {"value": 2, "name": "Unknown (Reserved)"}, g
# cper-section-dmar-vtd.c: the OEM id as a little-endian integer, EFI_VTD_FAULT_RECORD's bit fields
v = S[5]
assert v["oemID"] == int.from_bytes(b"INTEL ", "little") and v["version"] == 16, v
fr = v["faultRecord"]
assert fr["faultInformation"] == 0x7fff0 and fr["sourceIdentifier"] == 0x200 and fr["pasidPresent"] is True, fr
assert fr["privelegeModeRequested"] is False and fr["faultReason"] == 6 and fr["pasidValue"] == 0x1234, fr
assert fr["addressType"] == 0 and fr["type"] == {"value": 1, "name": "Read/AtomicOp Request"}, fr
# cper-section-dmar-iommu.c
i = S[6]
assert i["controlRegister"] == 0xc05 and b64(i["eventLogEntry"])[1] == 2 and len(b64(i["deviceTableEntry"])) == 32, i
# cper-section-pci-bus.c: the bus command type from bit 56, the ids with their "0x%016llX"
b = S[7]
assert b["busCommandType"] == "PCI-X" and b["errorType"] == {"value": 3, "name": "Master Abort"}, b
assert b["busRequestorID"] == 0x300 and b["busRequestorIDHex"] == "0x0000000000000300", b
assert b["validationBits"]["commandValid"] and not b["validationBits"]["busIDValid"], b
# cper-section-ampere.c: EFI_AMPERE_ERROR_DATA, u16 type id, u16 subtype id, u32 instance id
# through json_object_new_int(), so 0xc4000000 is negative
a = S[8]
assert a == {"typeId": 0x0201, "subTypeId": 0x4003, "instanceId": 0xc4000000 - (1 << 32)}, a
# FRU memory poison: no decoder in libcper, so Unknown with the section's bytes
u = S[9]
assert D[9]["sectionType"] == {"data": "5e4706c1-5356-48c6-930b-52f2120a4458", "type": "Unknown"}, D[9]
assert len(b64(u["data"])) == 72 == D[9]["sectionLength"], u
PY

# libcper's newer generation: no validationBits, the fields whose bit is clear left out
python3 - "$flat" "$scratch/flat-new.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
gone = {"CxlProtocol": {"deviceIDValid": ["deviceID"], "deviceSerialValid": ["deviceSerial"],
                        "capabilityStructureValid": ["capabilityStructure"], "cxlErrorLogValid": ["errorLogLength", "cxlErrorLog"]},
        "CxlComponent": {"deviceSerialValid": ["deviceSerial"]},
        "PciBus": {"errorStatusValid": ["errorStatus"], "busIDValid": ["busID"], "busAddressValid": ["busAddress"],
                   "busDataValid": ["busData"], "completerIDValid": ["busCompleterID", "busCompleterIDHex"],
                   "targetIDValid": ["targetID"]}}
for s in d["sections"]:
    (k, v), = s.items()
    valid = v.pop("validationBits", None)
    for bit, keys in gone.get(k, {}).items():
        if not valid[bit]:
            for key in keys:
                v.pop(key, None)
for s in d["sectionDescriptors"]:
    del s["validationBits"]
json.dump(d, open(sys.argv[2], "w"), indent=1)
PY
check "libcper's newer form of the kinds without arrays builds the record" roundtrip "$scratch/flat.bin" "$scratch/flat-new.json"

# --- random blocks and records ------------------------------------------------------
rnd="$scratch/random"
mkdir -p "$rnd"
"$HESTC" cper -q --random 1 --count 1000 --kind memory,memory2,processor-generic,pcie,fw-error-ref,raw -o "$rnd" ||
	not_ok "hestc cper --random writes 1000 blocks"
# what libcper's form cannot carry: a status block's raw data, entries with
# their own timestamps, error_status bits libcper does not keep (7:0, 63:23),
# a PCIe version that is not BCD
reasons="cannot carry the block's [0-9]+ bytes of raw data|has one timestamp: data entry #[0-9]+ has"
reasons="$reasons|cannot carry this (block|record) exactly: byte 0x[0-9a-f]+ of the record \(in section #[0-9]+ \((memory|memory2|pcie)\), byte [0-9]+ of the section: (error_status|version_major|version_minor)\)"
reasons="$reasons|cannot carry this (block|record) exactly: what it says does not read back \(libcper's 'version\.(major|minor)': [0-9]+ does not fit"
exact=0 refused=0 wrong=0 jsons=
for b in "$rnd"/*.bin; do
	classify "$b" "$reasons"
done
diag "random: $exact round-trip exactly, $refused refused (raw data, one timestamp per record, error status bits, PCIe version not BCD)"
check "random: every block round-trips or is refused for a reason libcper's form has ($wrong others)" [ "$wrong" -eq 0 ]
check "random: at least 250 of 1000 round-trip exactly ($exact)" [ "$exact" -ge 250 ]
# shellcheck disable=SC2086 # a list of file names without blanks
check "random: all $exact validate against libcper's schema" python3 "$validate" "$schema" $jsons

# --- the kinds with arrays of structures: examples as records, random records and blocks ---
# the examples as records (their goldens, above, are status blocks)
for k in arm ia32x64 pci-device nvidia; do
	{ echo "form: record"; cat "$top_srcdir/examples/cper/$k.yaml"; } >"$scratch/$k-record.yaml"
	if "$HESTC" cper -q "$scratch/$k-record.yaml" -o "$scratch/$k-record.bin" &&
		"$HESTVAL" cper "$scratch/$k-record.bin" --format libcper >"$scratch/$k-record.json"; then
		check "$k as a record: libcper's JSON validates" python3 "$validate" "$schema" "$scratch/$k-record.json"
		check "$k as a record: hestc cper builds it again" roundtrip "$scratch/$k-record.bin" "$scratch/$k-record.json"
	else
		not_ok "examples/cper/$k.yaml as a record: libcper's JSON written"
	fi
done

# what libcper's form of them cannot carry: error_status bits it does not keep,
# running-state bits other than 0 (and the PSCI state when bit 31 is set),
# reserved bits of a decoded error information, check information or misc
# register, the CPUID bytes past the first 32, trailing bytes past the
# structures, a register context of another size than the one libcper
# decodes; for blocks also what the record of a block cannot carry (above)
carry="cannot carry this (block|record) exactly: byte 0x[0-9a-f]+ of the record \(in section #[0-9]+ \((arm|ia32x64|pci-device|nvidia)\), byte [0-9]+ of the section"
reasons="$carry: (error_status|running_state|trailing_data|validation_bits|cpuid)\)"
reasons="$reasons|$carry: arm-error-info #[0-9]+, error_info\)|$carry: ia32x64-error-info #[0-9]+, check_info\)"
reasons="$reasons|$carry: arm-context #[0-9]+, its register data\)"
reasons="$reasons|cannot carry this (block|record) exactly: the (arm|ia32x64)-context at byte 0x[0-9a-f]+ of the record has [0-9]+ bytes of register data where libcper decodes (16|92|244)"
reasons="$reasons|cannot carry the block's [0-9]+ bytes of raw data|has one timestamp: data entry #[0-9]+ has"
# random_arrays NAME COUNT [--form FORM]: COUNT random ones, each exact or refused for a reason above
random_arrays() {
	rdir="$scratch/$1"
	mkdir -p "$rdir"
	# shellcheck disable=SC2086 # the form option is empty or two words
	"$HESTC" cper -q --random 1 --count "$2" ${3:-} --kind arm,ia32x64,pci-device,nvidia -o "$rdir" ||
		not_ok "hestc cper --random writes $2 ARM, IA32/X64, PCI component and NVIDIA $1"
	exact=0 refused=0 wrong=0 jsons=
	for b in "$rdir"/*.bin; do
		classify "$b" "$reasons"
	done
	diag "random ARM, IA32/X64, PCI component, NVIDIA $1: $exact round-trip exactly, $refused refused (bits and bytes libcper's form has no place for)"
	check "random $1: each round-trips or is refused for a reason libcper's form has ($wrong others)" [ "$wrong" -eq 0 ]
	# shellcheck disable=SC2086 # a list of file names without blanks
	check "random $1: all $exact exact ones validate against libcper's schema" python3 "$validate" "$schema" $jsons
}
random_arrays records 500 "--form record"
check "random records: at least 50 of 500 round-trip exactly ($exact)" [ "$exact" -ge 50 ]
check "random records: at least 100 of 500 are refused ($refused)" [ "$refused" -ge 100 ]
random_arrays blocks-and-records 200
check "random blocks and records: at least 10 of 200 round-trip exactly ($exact)" [ "$exact" -ge 10 ]


# the kinds without arrays, over many seeds: what libcper's form does not carry
# is a CXL agent address other than a CXL 1.1 device's SBDF or a host port's
# RCRB base (or its reserved bytes), a VT-d fault record's reserved bits, PCI
# bus error status bits 7:0 and 63:23 and bus command bits other than 56,
# Ampere's bytes past libcper's 8-byte structure; and, for a block, what any
# block's record cannot carry
flatkinds=cxl-protocol,cxl-general-media,cxl-dram,cxl-memory-module,ccix-per,dmar-generic,dmar-vtd,dmar-iommu,pci-bus,ampere,fru-memory-poison
freasons="cannot carry the block's [0-9]+ bytes of raw data|has one timestamp: data entry #[0-9]+ has"
freasons="$freasons|cannot carry this (block|record) exactly: byte 0x[0-9a-f]+ of the record \(in section #[0-9]+ \((cxl-protocol\), byte [0-9]+ of the section: (function|device|bus|segment|agent_address_high)|dmar-vtd\), byte [0-9]+ of the section: fault_record|pci-bus\), byte [0-9]+ of the section: (error_status|bus_command)|ampere\), byte [0-9]+ of the section: (error_address|misc[0-3]))\)"
exact=0 refused=0 wrong=0 jsons=
seed=1
while [ "$seed" -le 25 ]; do
	d="$rnd/flat-$seed"
	mkdir -p "$d"
	"$HESTC" cper -q --random "$seed" --count 24 --kind "$flatkinds" -o "$d" ||
		not_ok "hestc cper --random $seed --kind $flatkinds"
	for b in "$d"/*.bin; do
		classify "$b" "$freasons"
	done
	seed=$((seed + 1))
done
# libcper writes {} for the address of the other agent types, which its schema refuses
fjsons= fempty=0
for j in $jsons; do
	if grep -q '"cxlAgentAddress": {}' "$j"; then fempty=$((fempty + 1)); else fjsons="$fjsons $j"; fi
done
diag "random kinds without arrays (25 seeds): $exact round-trip exactly ($fempty with libcper's empty CXL agent address), $refused refused"
check "random kinds without arrays: every one round-trips or is refused for a reason libcper's form has ($wrong others)" [ "$wrong" -eq 0 ]
# (the count follows the generator's stream: 181 before the CXL events lost their UUID, 149 after)
check "random kinds without arrays: at least 120 of 600 round-trip exactly ($exact)" [ "$exact" -ge 120 ]
# shellcheck disable=SC2086 # a list of file names without blanks
check "random kinds without arrays: they validate against libcper's schema" python3 "$validate" "$schema" $fjsons

# --- malformed libcper JSON ------------------------------------------------------------
m="$scratch/memory.json"
# bad NAME SED-EXPRESSION EXPECTED-REGEX: hestc cper $bad_form refuses the JSON
# sed makes of ${src:-$m} with an error matching the regex, and writes nothing
bad_form="--form status-block"
bad() {
	sed "$2" "${src:-$m}" >"$scratch/$1.json"
	# shellcheck disable=SC2086 # bad_form is empty or two words
	if "$HESTC" cper -q $bad_form "$scratch/$1.json" -o "$scratch/$1.bin" 2>"$scratch/$1.err"; then
		not_ok "$1: refused"
	elif [ -e "$scratch/$1.bin" ]; then
		not_ok "$1: nothing written"
	elif grep -Eq "$3" "$scratch/$1.err"; then
		ok "$1: $(head -1 "$scratch/$1.err" | sed "s|$scratch/||")"
	else
		not_ok "$1: error is $(cat "$scratch/$1.err")"
	fi
}
line=$(grep -n '"physicalAddressMask"' "$m" | cut -d: -f1)
bad unknown-key 's/"physicalAddressMask"/"physicalAdressMask"/' \
	"unknown-key.json:$line:9: error: unknown key 'physicalAdressMask' in libcper's Memory section #0"
line=$(grep -n '"node"' "$m" | cut -d: -f1)
bad too-wide 's/"node": 1/"node": 70000/' "too-wide.json:$line:17: error: libcper's 'node': 70000 does not fit"
bad string-int 's/"node": 1/"node": "1"/' "string-int.json:$line:17: error: libcper's 'node' must be a JSON integer"
bad kind 's/"Memory": {/"NotASection": {/' "kind.json:[0-9]+:7: error: section #0: hestc does not read libcper's 'NotASection'"
bad timestamp 's/"recordLength": 280/"recordLength": 280, "timestamp": "2024-05-01 12:34:56"/' \
	"timestamp.json:[0-9]+:[0-9]+: error: libcper's 'timestamp' must be written like"
bad syntax 's/"node": 1,/"node": 1,,/' "syntax.json:$line:[0-9]+: error:"
bad bool 's/"firstError": false/"firstError": 0/' "bool.json:[0-9]+:[0-9]+: error: libcper's 'errorStatus.firstError' must be true or false"

# ... and of the kinds with arrays of structures (their goldens' JSON)
bad_in() { # bad_in NAME GOLDEN SED-EXPRESSION EXPECTED-REGEX
	src="$scratch/$2.json"
	bad "$1" "$3" "$4"
	src=
}
line=$(grep -n '"length": 32' "$scratch/arm.json" | cut -d: -f1)
bad_in item-key arm 's/"length": 32,/"length": 32, "lenght": 32,/' \
	"item-key.json:$line:27: error: unknown key 'lenght' in libcper's 'errorInfo' item #0"
line=$(grep -n '"busError"' "$scratch/arm.json" | cut -d: -f1)
bad_in union arm '/"errorType"/,/}/s/"value": 2,/"value": 0,/' \
	"union.json:$line:15: error: unknown key 'busError' in libcper's 'errorInfo' item #0"
line=$(grep -n '"sctlr_s"' "$scratch/arm.json" | cut -d: -f1)
bad_in register arm 's/"sctlr_s": [0-9]*/"sctlr_s": 4294967296/' \
	"register.json:$line:26: error: libcper's 'registerArray.sctlr_s': 4294967296 does not fit the field"
line=$(grep -n '"registerArray"' "$scratch/arm.json" | cut -d: -f1)
bad_in register-array arm 's/"registerArray": {/"registerArray": 5, "registers": {/' \
	"register-array.json:$line:[0-9]+: error: libcper's 'registerArray' must be an object"
line=$(grep -n '"operation"' "$scratch/ia32x64.json" | cut -d: -f1)
bad_in check-info ia32x64 's/"operation": {/"errorType": {/' \
	"check-info.json:$line:15: error: unknown key 'errorType' in libcper's 'processorErrorInfo' item #0"
line=$(grep -n '"guid": "a55701f5' "$scratch/ia32x64.json" | cut -d: -f1)
bad_in error-guid ia32x64 's/"guid": "a55701f5-e3ef-43de/"guid": "a55701f5-e3ef-43dx/' \
	"error-guid.json:$line:[0-9]+: error: libcper's 'type.guid': 'a55701f5-e3ef-43dx-ac72-249b573fad2c' is not a GUID"
line=$(grep -n '"firstHalf": 57344' "$scratch/pci-device.json" | cut -d: -f1)
bad_in pair-string pci-device 's/"firstHalf": 57344/"firstHalf": "57344"/' \
	"pair-string.json:$line:26: error: libcper's 'firstHalf' must be a JSON integer, not a string"
line=$(grep -n '"registerCount"' "$scratch/nvidia.json" | cut -d: -f1)
bad_in not-a-list nvidia 's/"registerCount": 2,/"registerCount": 2, "registers": 7,/' \
	"not-a-list.json:$line:[0-9]+: error: libcper's 'registers' must be a list"


# ... and of the kinds without arrays (a record: no --form)
bad2() { # bad2 NAME SED-EXPRESSION EXPECTED-REGEX: bad, on the record $flat
	src=$flat bad_form=
	bad "$@"
	src= bad_form="--form status-block"
}
line=$(grep -n '"busCommandType"' "$flat" | cut -d: -f1)
bad2 bus-command 's/"busCommandType": "PCI-X"/"busCommandType": "PCIX"/' \
	"bus-command.json:$line:27: error: libcper's 'busCommandType' is 'PCIX'; libcper writes 'PCI', 'PCI-X'"
line=$(grep -n '"oemID"' "$flat" | cut -d: -f1)
bad2 oem-id 's/"oemID": [0-9]*/"oemID": 281474976710656/' \
	"oem-id.json:$line:18: error: libcper's 'oemID': 281474976710656 does not fit the field \(at most 281474976710655\)"
line=$(grep -n '"pasidValue"' "$flat" | cut -d: -f1)
bad2 pasid 's/"pasidValue": [0-9]*/"pasidValue": 1048576/' \
	"pasid.json:$line:25: error: libcper's 'faultRecord.pasidValue': 1048576 does not fit"
line=$(grep -n '"cxlDVSEC": "AQI="' "$flat" | cut -d: -f1)
bad2 dvsec 's/"cxlDVSEC": "AQI="/"cxlDVSEC": "AQI"/' "dvsec.json:$line:21: error: libcper's 'cxlDVSEC' is not base64"
# a host downstream port's serial number: libcper reads it only for a CXL 1.1 device
line=$(($(grep -n '"value": 1103786676224' "$flat" | cut -d: -f1) + 1))
bad2 serial '/"value": 1103786676224/{n;s/},/}, "deviceSerial": 5,/}' \
	"serial.json:$line:[0-9]+: error: libcper's 'deviceSerial' is read only when agent_type is 0 \(here 1\)"
line=$(grep -n '"data": "601dcbb3' "$flat" | cut -d: -f1)
bad2 cxl-guid 's/"data": "601dcbb3-9c06-4eab-b8af-4e9bfb5c9624"/"data": "77cf9271-9c02-470b-9fe4-bc7b75f2da97"/' \
	"cxl-guid.json:$line:17: error: section #2: libcper's 'CxlComponent' section is told apart by its descriptor's sectionType.data"
line=$(grep -n '"instanceId"' "$flat" | cut -d: -f1)
bad2 instance-id 's/"instanceId": -1006632960/"instanceId": 3288334336/' \
	"instance-id.json:$line:23: error: libcper's 'instanceId': 3288334336 is not a 32-bit signed integer"
line=$(grep -n '"ccixPortID"' "$flat" | cut -d: -f1)
bad2 ccix-key 's/"ccixPortID"/"ccixPortId"/' "ccix-key.json:$line:9: error: unknown key 'ccixPortId' in libcper's CcixPer section #3"

# a record libcper describes, as the status block QEMU takes
check "libcper's JSON -> the QMP command of its status block" \
	"$HESTC" cper -q --form status-block --format qmp "$m" -o "$scratch/memory.qmp"
check "... which is the golden's" cmp -s "$scratch/memory.qmp" "$gold/memory.qmp"
done_testing
