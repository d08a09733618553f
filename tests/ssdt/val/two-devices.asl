/* Two hardware error devices (one by EisaId, one by string), and an event
 * path to the first through a bare name the search rule resolves. */
DefinitionBlock ("", "SSDT", 2, "HESTC ", "TWODEVS ", 1)
{
    Scope (\_SB)
    {
        Device (HED0)
        {
            Name (_HID, EisaId ("PNP0C33"))
        }

        Device (HED1)
        {
            Name (_HID, "PNP0C33")
        }

        Device (GEDE)
        {
            Name (_HID, "ACPI0013")
            Name (_CRS, ResourceTemplate ()
            {
                Interrupt (ResourceConsumer, Level, ActiveHigh, Exclusive, ,, ) { 0x29 }
            })
            Method (_L29, 0, NotSerialized)
            {
                Notify (HED0, 0x80)
            }
        }
    }
}
