/*
 * HEST as iasl data-table source, written by hestc from qemu-profile-hest-addr-4k.yaml.
 * Compile with `iasl hest.dsl` (ACPICA 20200925 or later).  iasl computes the
 * Table Length and Checksum itself, and replaces Asl Compiler ID and Revision
 * with its own ("INTL" and its version) unless run with -z; with -z the
 * result is hestc's hest.aml byte for byte.
 *
 * Format: [ByteLength]  FieldName : HexFieldValue
 */
[0004]                          Signature : "HEST"    [Hardware Error Source Table]
[0004]                       Table Length : 000000E0
[0001]                           Revision : 01
[0001]                           Checksum : B0
[0006]                             Oem ID : "BOCHS "
[0008]                       Oem Table ID : "BXPC    "
[0004]                       Oem Revision : 00000001
[0004]                    Asl Compiler ID : "BXPC"
[0004]              Asl Compiler Revision : 00000001

[0004]                 Error Source Count : 00000002

[0002]                      Subtable Type : 000A [Generic Hardware Error Source V2]
[0002]                          Source Id : 0000
[0002]                  Related Source Id : FFFF
[0001]                           Reserved : 00
[0001]                            Enabled : 01
[0004]             Records To Preallocate : 00000001
[0004]            Max Sections Per Record : 00000001
[0004]                Max Raw Data Length : 00001000

[0012]               Error Status Address : [Generic Address Structure]
[0001]                           Space ID : 00 [SystemMemory]
[0001]                          Bit Width : 40
[0001]                         Bit Offset : 00
[0001]               Encoded Access Width : 04 [QWord Access:64]
[0008]                            Address : 0000000000000000

[0028]                             Notify : [Hardware Error Notification Structure]
[0001]                        Notify Type : 08 [SEA]
[0001]                      Notify Length : 1C
[0002]         Configuration Write Enable : 0000
[0004]                       PollInterval : 00000000
[0004]                             Vector : 00000000
[0004]            Polling Threshold Value : 00000000
[0004]           Polling Threshold Window : 00000000
[0004]              Error Threshold Value : 00000000
[0004]             Error Threshold Window : 00000000

[0004]          Error Status Block Length : 00001000

[0012]                  Read Ack Register : [Generic Address Structure]
[0001]                           Space ID : 00 [SystemMemory]
[0001]                          Bit Width : 40
[0001]                         Bit Offset : 00
[0001]               Encoded Access Width : 04 [QWord Access:64]
[0008]                            Address : 0000000000000010

[0008]                  Read Ack Preserve : FFFFFFFFFFFFFFFE
[0008]                     Read Ack Write : 0000000000000001

[0002]                      Subtable Type : 000A [Generic Hardware Error Source V2]
[0002]                          Source Id : 0001
[0002]                  Related Source Id : FFFF
[0001]                           Reserved : 00
[0001]                            Enabled : 01
[0004]             Records To Preallocate : 00000001
[0004]            Max Sections Per Record : 00000001
[0004]                Max Raw Data Length : 00001000

[0012]               Error Status Address : [Generic Address Structure]
[0001]                           Space ID : 00 [SystemMemory]
[0001]                          Bit Width : 40
[0001]                         Bit Offset : 00
[0001]               Encoded Access Width : 04 [QWord Access:64]
[0008]                            Address : 0000000000000008

[0028]                             Notify : [Hardware Error Notification Structure]
[0001]                        Notify Type : 07 [GPIO]
[0001]                      Notify Length : 1C
[0002]         Configuration Write Enable : 0000
[0004]                       PollInterval : 00000000
[0004]                             Vector : 00000000
[0004]            Polling Threshold Value : 00000000
[0004]           Polling Threshold Window : 00000000
[0004]              Error Threshold Value : 00000000
[0004]             Error Threshold Window : 00000000

[0004]          Error Status Block Length : 00001000

[0012]                  Read Ack Register : [Generic Address Structure]
[0001]                           Space ID : 00 [SystemMemory]
[0001]                          Bit Width : 40
[0001]                         Bit Offset : 00
[0001]               Encoded Access Width : 04 [QWord Access:64]
[0008]                            Address : 0000000000000018

[0008]                  Read Ack Preserve : FFFFFFFFFFFFFFFE
[0008]                     Read Ack Write : 0000000000000001
