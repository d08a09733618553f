/* The GED's _EVT notifies with 0x81; the GPIO method notifies a device
 * that is not the error device; an _EVT branch no interrupt reaches. */
DefinitionBlock ("", "SSDT", 2, "HESTC ", "NONOTIFY", 1)
{
    External (\_SB.GPO0, DeviceObj)

    Scope (\_SB)
    {
        Device (HED0)
        {
            Name (_HID, EisaId ("PNP0C33"))
            Name (_UID, Zero)
        }

        Device (FOO0)
        {
            Name (_HID, "ACME0001")
        }

        Device (GEDE)
        {
            Name (_HID, "ACPI0013")
            Name (_CRS, ResourceTemplate ()
            {
                Interrupt (ResourceConsumer, Edge, ActiveHigh, Exclusive, ,, ) { 0x6A }
            })
            Method (_EVT, 1, NotSerialized)
            {
                If ((Arg0 == 0x6A))
                {
                    Notify (\_SB.HED0, 0x81)
                }
                If ((Arg0 == 0x6B))
                {
                    Notify (\_SB.HED0, 0x80)
                }
            }
        }
    }

    Scope (\_SB.GPO0)
    {
        Name (_AEI, ResourceTemplate ()
        {
            GpioInt (Edge, ActiveHigh, Exclusive, PullDefault, 0x0000, "\\_SB.GPO0", 0x00, ResourceConsumer, ,)
            {
                0x0005
            }
        })
        Method (_E05, 0, NotSerialized)
        {
            Notify (FOO0, 0x80)
        }
    }
}
