/* A GED whose interrupt has no event method. */
DefinitionBlock ("", "SSDT", 2, "HESTC ", "NOMETHOD", 1)
{
    Scope (\_SB)
    {
        Device (HED0)
        {
            Name (_HID, EisaId ("PNP0C33"))
            Name (_UID, Zero)
        }

        Device (GEDE)
        {
            Name (_HID, "ACPI0013")
            Name (_UID, Zero)
            Name (_CRS, ResourceTemplate ()
            {
                Interrupt (ResourceConsumer, Edge, ActiveHigh, Exclusive, ,, ) { 0x6A }
            })
        }
    }
}
