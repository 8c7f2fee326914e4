package org.piste.sim;

import java.util.Optional;

/** One party as a row writes it: the true identity after noise. Empty strings for what the row leaves out. */
record Written(String given, String middle, String surname, Optional<WrittenDate> birth, String idType, String idNumber,
        String phone, String email, String address, String city) {}
