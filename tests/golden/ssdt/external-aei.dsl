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
    }

    Scope (\_SB.GPO0)
    {
        Method (_E03, 0, NotSerialized)  // _Exx: Edge-Triggered GPE, xx=0x00-0xFF
        {
            Notify (\_SB.HED0, 0x80) // Status Change
        }
    }
}

