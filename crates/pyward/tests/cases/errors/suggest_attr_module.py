# Module attributes are searched in the module's namespace; a list method typo in the
# handler chain gets its own suggestion too.
import math
import json
data = json.loads('{"r": 2}')
try:
    area = math.PI * data["r"] ** 2
except AttributeError as e:
    print("caught:", e)
    values = [1, 2]
    values.apend(3)
