DefinitionBlock ("", "SSDT", 2, "HESTC ", "HESTEVNT", 0x00000001)
{
    External (_SB_.GPO0, DeviceObj)

    Scope (\_SB)
    {
        Device (HED0)
        {
            Name (_HID, EisaId ("PNP0C33") /* Error Device */)  // _HID: Hardware ID
            Name (_UID, Zero)  // _UID: Unique ID
        }

        Device (GEDE)
        {
            Name (_HID, "ACPI0013" /* Generic Event Device */)  // _HID: Hardware ID
            Name (_UID, Zero)  // _UID: Unique ID
            Name (_CRS, ResourceTemplate ()  // _CRS: Current Resource Settings
            {
                Interrupt (ResourceConsumer, Edge, ActiveHigh, Exclusive, ,, )
                {
                    0x0000006A,
                }
            })
            Method (_EVT, 1, NotSerialized)  // _EVT: Event
            {
                If ((Arg0 == 0x6A))
                {
                    Notify (\_SB.HED0, 0x80) // Status Change
                }
            }
        }
    }

    Scope (\_SB.GPO0)
    {
        Name (_AEI, ResourceTemplate ()  // _AEI: ACPI Event Interrupts
        {
            GpioInt (Edge, ActiveHigh, Exclusive, PullDefault, 0x0000,
                "\\_SB.GPO0", 0x00, ResourceConsumer, ,
                )
                {   // Pin list
                    0x0005
                }
        })
        Method (_E05, 0, NotSerialized)  // _Exx: Edge-Triggered GPE, xx=0x00-0xFF
        {
            Notify (\_SB.HED0, 0x80) // Status Change
        }
    }
}

