"""Common given names in Mexico and Latin America (folded: lower case, no accents).

Used to tell a person's name from other capitalised words where no title or role phrase says so
(signature blocks, attendee lists) and to split names printed side by side on one line.
"""
from __future__ import annotations

GIVEN_NAMES = frozenset("""
aaron abel abelardo abigail abraham abril adalberto adan adela adelaida adolfo adrian adriana agustin aida
alan alba albert alberta alberto alejandra alejandro alexa alexis alfonso alfredo alicia alma alonso alvaro
amado amalia amanda amelia america amparo ana anabel anahi andrea andres angel angela angelica angelina anibal
antonia antonio araceli ariadna ariel armando arnoldo arnulfo arturo aurelio aurora axel azucena baltazar
barbara beatriz benito benjamin berenice bernardo berta bertha blanca brenda brian bruno camila camilo
candelaria carina carla carlos carmen carolina catalina cecilia celia cesar christian cinthia cintia citlali
claudia claudio clemente concepcion consuelo cristian cristina cristobal cuauhtemoc cynthia dafne dalia damian
dana daniel daniela dante dario david debora delfino delia diana diego dolores domingo dora dulce edgar edith
eduardo efrain eleazar elena elias eligio elisa elizabeth eloisa elsa elvia elvira emilia emiliano emilio emma
enrique erick erik erika ernesto esmeralda esperanza esteban estefania estela esther eugenia eugenio eva
evangelina everardo ezequiel fabiola fatima federico felipe felix fernanda fernando fidel filiberto flor
florencia francisca francisco gabriel gabriela genaro gerardo german gilberto gisela gloria gonzalo graciela
gregorio griselda guadalupe guillermo gustavo hector heriberto hilda homero horacio hortensia hugo humberto
ignacio ileana ilse imelda ines ingrid irene iris irma isaac isabel isaias isidro ismael israel itzel ivan
ivette ivonne jacinto jacobo jaime janet javier jazmin jennifer jeronimo jessica jesus jimena joaquin joel
jonathan jorge jose josefina juan juana julia julian juliana julieta julio karen karina karla kevin laura
leonardo leonel leticia lidia lilia liliana lizbeth lorena lorenzo lourdes lucas lucero lucia luciano lucio
luis luisa luz macario magdalena manuel manuela marcela marcelino marcelo marco marcos margarita maria mariana
maribel maricela marina mario marisela marisol marta martha martin mateo matias maura mauricio maximiliano
maximino mayra melissa mercedes miguel milagros minerva miriam misael moises monica nadia nancy natalia nayeli
nelly nestor nicolas noe noemi norberto norma octavio ofelia olga oliver olivia omar oralia orlando oscar
osvaldo pablo paola patricia paula paulina pedro perla pilar porfirio rafael ramiro ramon raquel raul rebeca
refugio regina reina renata rene reyna ricardo rigoberto roberto rocio rodolfo rodrigo rogelio rolando roman
romina rosa rosalba rosalinda rosario ruben rufino ruth sabina salomon salvador samantha samuel sandra
santiago sara sarahi saul sebastian selene sergio silvestre silvia simon socorro sofia sonia susana tania
tatiana teodoro teresa tomas ulises urbano valentin valentina valeria vanessa veronica vicente victor victoria
virginia viridiana viviana wendy wilfrido xavier ximena xochitl yadira yazmin yesenia yolanda yuridia zaira
zoila
""".split())

# Also frequent as surnames: never a reason to start a new name in the middle of a line.
SURNAME_TOO = frozenset({"cruz", "leon", "reyes", "santiago", "salvador", "martin", "tomas", "lucas",
                         "jesus", "rosa", "domingo", "lorenzo", "ramon", "simon", "roman", "marcos",
                         "mateo", "pilar", "flor", "america", "dolores", "guadalupe", "concepcion",
                         "refugio", "socorro", "camilo", "felipe", "vicente", "gabriel", "benito",
                         "isidro", "urbano", "valentin", "clemente", "macario", "alonso", "ariel"})
