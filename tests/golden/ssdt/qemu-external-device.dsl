DefinitionBlock ("", "SSDT", 2, "BOCHS ", "HESTQEMU", 0x00000001)
{
    External (_SB_.GEDD, DeviceObj)

    Scope (\_SB)
    {
        Device (GEDH)
        {
            Name (_HID, "ACPI0013" /* Generic Event Device */)  // _HID: Hardware ID
            Name (_UID, 0x02)  // _UID: Unique ID
            Name (_CRS, ResourceTemplate ()  // _CRS: Current Resource Settings
            {
                Interrupt (ResourceConsumer, Level, ActiveHigh, Exclusive, ,, )
                {
                    0x00000029,
                }
                Interrupt (ResourceConsumer, Edge, ActiveLow, Exclusive, ,, )
                {
                    0x00012345,
                }
            })
            Method (_EVT, 1, NotSerialized)  // _EVT: Event
            {
                If ((Arg0 == 0x00012345))
                {
                    Notify (\_SB.GEDD, 0x80) // Status Change
                }
            }

            Method (_L29, 0, NotSerialized)  // _Lxx: Level-Triggered GPE, xx=0x00-0xFF
            {
                Notify (\_SB.GEDD, 0x80) // Status Change
            }
        }
    }
}

