/* A method that does more than Notify: the checker stops reading it. */
DefinitionBlock ("", "SSDT", 2, "HESTC ", "UNSUPP  ", 1)
{
    Scope (\_SB)
    {
        Device (HED0)
        {
            Name (_HID, EisaId ("PNP0C33"))
        }

        Device (GEDE)
        {
            Name (_HID, "ACPI0013")
            Name (_CRS, ResourceTemplate ()
            {
                Interrupt (ResourceConsumer, Edge, ActiveHigh, Exclusive, ,, ) { 0x6A }
            })
            Method (_EVT, 1, Serialized)
            {
                Local0 = Arg0
                If ((Local0 == 0x6A))
                {
                    Notify (\_SB.HED0, 0x80)
                }
            }
        }
    }
}
