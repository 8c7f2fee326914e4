package org.piste.sim;

/**
 * Built-in lists of common given names, surnames, cities and streets, written for the simulator. Combinations
 * are drawn at random, so every generated identity is synthetic. All strings are encodable in windows-1252.
 */
final class Names {
    private Names() {}

    static final String[] FRENCH_MALE = {
        "Jean", "Pierre", "Michel", "Philippe", "Alain", "Patrick", "Nicolas", "Christophe", "Laurent", "Frédéric",
        "Éric", "Stéphane", "Olivier", "Thierry", "David", "Sébastien", "Julien", "Pascal", "Bruno", "Gérard",
        "Jean-Pierre", "Jean-Luc", "Jean-François", "Jean-Marc", "François", "Daniel", "Didier", "Vincent",
        "Dominique", "Thomas", "Guillaume", "Antoine", "Maxime", "Alexandre", "Mathieu", "Hervé", "Benoît",
        "Marc-Antoine", "Jérôme", "Yves", "Claude", "Bernard", "René", "Lucas", "Hugo", "Raphaël"};

    static final String[] FRENCH_FEMALE = {
        "Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Françoise", "Valérie", "Sandrine", "Christine",
        "Véronique", "Sophie", "Céline", "Stéphanie", "Julie", "Aurélie", "Émilie", "Caroline", "Anne", "Hélène",
        "Marie-Claire", "Marie-Christine", "Anne-Sophie", "Claire", "Camille", "Laure", "Élodie", "Chantal",
        "Monique", "Brigitte", "Martine", "Agnès", "Juliette", "Léa", "Manon", "Chloé", "Inès", "Pauline"};

    static final String[] FRENCH_SURNAMES = {
        "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
        "Simon", "Laurent", "Lefèbvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier",
        "Morel", "Girard", "André", "Lefèvre", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez",
        "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas",
        "Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin",
        "Masson", "Sanchez", "Gérard", "Nguyen", "Boyer", "Denis", "Lemaire", "Duval", "Joly", "Gautier",
        "Roger", "Roche", "Roy", "Noël", "Meyer", "Lucas", "Meunier", "Jean", "Perez", "Marchand", "Dufour",
        "Blanchard", "Barbier", "Brun", "Dumas", "Brunet", "Schmitt", "Leroux", "Colin", "Fernandez", "De Souza",
        "Le Gall", "Le Goff", "Da Silva", "De La Fontaine", "Du Pont", "Besson", "Giraud", "Caron", "Renaud"};

    static final String[] FILIPINO_MALE = {
        "Jose", "Juan", "Mark", "John Paul", "Jerome", "Rodel", "Arnel", "Ramon", "Eduardo", "Roberto", "Ricardo",
        "Antonio", "Manuel", "Fernando", "Rolando", "Danilo", "Reynaldo", "Jayson", "Michael", "Christian", "Joel",
        "Romeo", "Edgardo", "Rodrigo", "Noel", "Ariel", "Jun", "Carlo", "Paolo", "Miguel", "Angelo", "Joshua",
        "Kenneth", "Ronald", "Mark Anthony", "John Lloyd", "Renato", "Efren", "Nestor", "Rogelio", "Virgilio"};

    static final String[] FILIPINO_FEMALE = {
        "Maria", "Maria Teresa", "Maria Luisa", "Maria Cristina", "Maria Elena", "Jocelyn", "Rowena", "Marivic",
        "Lorna", "Analyn", "Mary Grace", "Mary Joy", "Kristine", "Jennifer", "Rhea", "Joy", "Marites", "Lourdes",
        "Rosario", "Evelyn", "Cristina", "Liza", "Grace", "Rosalie", "Maricel", "Jonalyn", "Angelica", "Princess",
        "Janine", "Lovely", "Arlene", "Gemma", "Nora", "Teresita", "Imelda", "Corazon", "Perla", "Leonora",
        "Ma. Victoria", "Ma. Angelica", "Shiela", "Charmaine", "Aileen", "Remedios", "Milagros", "Josefina"};

    static final String[] FILIPINO_SURNAMES = {
        "Dela Cruz", "Santos", "Reyes", "Garcia", "Mendoza", "Bautista", "Ramos", "Aquino", "Castillo",
        "Villanueva", "De Guzman", "Delos Santos", "Del Rosario", "Torres", "Flores", "Gonzales", "Lopez",
        "Fernandez", "Soriano", "Manalo", "Pascual", "Salvador", "Dizon", "Cruz", "Navarro", "Tolentino",
        "Aguilar", "Rivera", "Mercado", "Valdez", "De Leon", "Santiago", "Domingo", "Ocampo", "Macaraeg",
        "Magbanua", "Dimaculangan", "Panganiban", "Evangelista", "Villareal", "Buenaventura", "Lacson", "Sison",
        "Tan", "Lim", "Co", "Sy", "Ong", "Dela Peña", "Peñaflor", "Añonuevo", "Ibañez", "Nuñez", "Castañeda",
        "De Los Reyes", "Dela Rosa", "Del Mundo", "Delos Reyes", "De Vera", "Manalastas", "Pangilinan",
        "Mangubat", "Lagman", "Samonte", "Bernardo", "Cabrera", "Galang", "Javier", "Marquez", "Morales",
        "Padilla", "Quiambao", "Roxas", "Tuazon", "Umali", "Yap", "Zamora", "Abad", "Agustin", "Alcantara",
        "Balagtas", "Cajucom", "Dalisay", "Espiritu", "Gatchalian", "Hernandez", "Ilagan", "Jimenez", "Lualhati"};

    /** French cities with a postcode prefix and a weight (the diaspora concentrates in the Paris region). */
    record City(String name, String postcode, String code, double weight) {}

    static final City[] FRENCH_CITIES = {
        new City("Paris", "750", "PAR", 34), new City("Boulogne-Billancourt", "92100", "BOB", 4),
        new City("Neuilly-sur-Seine", "92200", "NEU", 3), new City("Nanterre", "92000", "NAN", 3),
        new City("Saint-Denis", "93200", "SDN", 3), new City("Versailles", "78000", "VER", 3),
        new City("Créteil", "94000", "CRE", 2), new City("Argenteuil", "95100", "ARG", 2),
        new City("Lyon", "6900", "LYO", 7), new City("Marseille", "130", "MRS", 6), new City("Nice", "06000", "NCE", 5),
        new City("Cannes", "06400", "CAN", 2), new City("Antibes", "06600", "ANT", 2),
        new City("Toulouse", "310", "TLS", 4), new City("Bordeaux", "33000", "BOD", 3),
        new City("Lille", "59000", "LIL", 3), new City("Nantes", "44000", "NTE", 3),
        new City("Strasbourg", "67000", "SXB", 2), new City("Montpellier", "34000", "MPL", 2),
        new City("Rennes", "35000", "RNS", 2), new City("Grenoble", "38000", "GNB", 2),
        new City("Le Havre", "76600", "LEH", 1), new City("Reims", "51100", "RHE", 1),
        new City("Saint-Étienne", "42000", "SET", 1), new City("Toulon", "83000", "TLN", 1)};

    static final City[] PH_CITIES = {
        new City("Manila", "1000", "MNL", 14), new City("Quezon City", "1100", "QZN", 12),
        new City("Caloocan", "1400", "CAL", 5), new City("Makati", "1200", "MKT", 4),
        new City("Taguig", "1630", "TAG", 4), new City("Pasig", "1600", "PSG", 4),
        new City("Cebu City", "6000", "CEB", 7), new City("Lapu-Lapu", "6015", "LLC", 3),
        new City("Davao City", "8000", "DVO", 6), new City("Cagayan de Oro", "9000", "CGY", 3),
        new City("Iloilo City", "5000", "ILO", 3), new City("Bacolod", "6100", "BCD", 3),
        new City("Angeles", "2009", "ANG", 3), new City("San Fernando", "2000", "SFP", 3),
        new City("Olongapo", "2200", "OLO", 2), new City("Batangas City", "4200", "BTG", 3),
        new City("Lipa", "4217", "LIP", 2), new City("Tacloban", "6500", "TAC", 2),
        new City("Baguio", "2600", "BAG", 2), new City("Dagupan", "2400", "DAG", 2),
        new City("General Santos", "9500", "GES", 2), new City("Zamboanga City", "7000", "ZAM", 2),
        new City("Legazpi", "4500", "LGP", 1), new City("Tarlac City", "2300", "TAR", 2),
        new City("Cabanatuan", "3100", "CAB", 2), new City("Dumaguete", "6200", "DGT", 1)};

    static final double[] FRENCH_CITY_WEIGHTS = weights(FRENCH_CITIES);
    static final double[] PH_CITY_WEIGHTS = weights(PH_CITIES);

    static final String[] FRENCH_STREETS = {
        "rue de la République", "rue Victor Hugo", "avenue Jean Jaurès", "rue Pasteur", "boulevard Gambetta",
        "rue des Lilas", "rue du Moulin", "avenue de la Gare", "rue Voltaire", "rue de Paris", "rue des Écoles",
        "allée des Tilleuls", "rue Jules Ferry", "avenue Foch", "rue du Château", "rue Émile Zola",
        "boulevard de la Liberté", "rue Saint-Michel", "impasse des Roses", "rue de l'Église", "place du Marché"};

    static final String[] PH_BARANGAYS = {
        "San Isidro", "San Roque", "Poblacion", "Santo Niño", "San Jose", "Bagong Silang", "Maligaya",
        "San Antonio", "Santa Cruz", "Malinis", "Bagumbayan", "San Vicente", "Mabini", "Rizal", "Magsaysay",
        "Del Pilar", "Bonifacio", "Malvar", "Santa Rosa", "Sampaloc", "Tondo", "Pag-asa", "Mabuhay"};

    private static double[] weights(City[] cities) {
        double[] w = new double[cities.length];
        for (int i = 0; i < cities.length; i++) w[i] = cities[i].weight();
        return Draw.cumulative(w);
    }
}
