DefinitionBlock ("", "SSDT", 2, "HESTC ", "HESTEVNT", 0x00000001)
{
    External (_SB_.PCI0, DeviceObj)
    External (_SB_.PCI0.GPI1, DeviceObj)

    Scope (\_SB.PCI0)
    {
        Device (HED)
        {
            Name (_HID, EisaId ("PNP0C33") /* Error Device */)  // _HID: Hardware ID
            Name (_UID, 0x03)  // _UID: Unique ID
        }
    }

    Scope (\_SB.PCI0.GPI1)
    {
        Name (_AEI, ResourceTemplate ()  // _AEI: ACPI Event Interrupts
        {
            GpioInt (Edge, ActiveHigh, Exclusive, PullDefault, 0x0000,
                "\\_SB.PCI0.GPI1", 0x00, ResourceConsumer, ,
                )
                {   // Pin list
                    0x012C
                }
            GpioInt (Edge, ActiveHigh, Exclusive, PullDefault, 0x0000,
                "\\_SB.PCI0.GPI1", 0x00, ResourceConsumer, ,
                )
                {   // Pin list
                    0x0007
                }
            GpioInt (Level, ActiveLow, Exclusive, PullDefault, 0x0000,
                "\\_SB.PCI0.GPI1", 0x00, ResourceConsumer, ,
                )
                {   // Pin list
                    0x0008
                }
            GpioInt (Edge, ActiveBoth, Exclusive, PullDefault, 0x0000,
                "\\_SB.PCI0.GPI1", 0x00, ResourceConsumer, ,
                )
                {   // Pin list
                    0x0009
                }
            GpioInt (Edge, ActiveHigh, Exclusive, PullDefault, 0x0000,
                "\\_SB.PCI0.GPI1", 0x00, ResourceConsumer, ,
                )
                {   // Pin list
                    0x000A
                }
        })
        Method (_EVT, 1, NotSerialized)  // _EVT: Event
        {
            If ((Arg0 == 0x012C))
            {
                Notify (\_SB.PCI0.HED, 0x80) // Status Change
            }

            If ((Arg0 == 0x07))
            {
                Notify (\_SB.PCI0.HED, 0x80) // Status Change
            }
        }

        Method (_L08, 0, NotSerialized)  // _Lxx: Level-Triggered GPE, xx=0x00-0xFF
        {
            Notify (\_SB.PCI0.HED, 0x80) // Status Change
        }

        Method (_E09, 0, NotSerialized)  // _Exx: Edge-Triggered GPE, xx=0x00-0xFF
        {
            Notify (\_SB.PCI0.HED, 0x80) // Status Change
        }

        Method (_E0A, 0, NotSerialized)  // _Exx: Edge-Triggered GPE, xx=0x00-0xFF
        {
            Notify (\_SB.PCI0.HED, 0x80) // Status Change
        }
    }
}

